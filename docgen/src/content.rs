//! A document's body as Yttra builds it: paragraphs of runs and bookmarks, and tables of such
//! paragraphs, with only the properties Yttra sets.
//!
//! Lean on purpose. docx-rs's paragraph is 2.4 KB whatever it holds (every property it could
//! have, inline) and its builders move it by value at every call; building a large yttrande's
//! body in it, walking it and dropping it was a third of the time to make the document. The
//! body is written straight from this model (`ooxml::direct`). It becomes docx-rs's model only
//! when docx-rs must render the whole body (one with charts, or the rare one the direct writer
//! leaves to it), and in test builds, which check that the two give the same bytes
//! (`package::pack`).

use docx_rs::{
    BookmarkEnd, BookmarkStart, BreakType, Docx, ParagraphChild, Shading, SpecialIndentType,
    TableCell, TableLayoutType, TableRow, WidthType,
};

use crate::blocks::TEXT_WIDTH;
use crate::styles;

/// A document being built: docx-rs's model for everything around the body (styles, page
/// set-up, the page header), and the body's content.
#[derive(Clone, Debug)]
pub struct Document {
    pub(crate) frame: Docx,
    pub(crate) body: Vec<Block>,
}

/// One of the body's children.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

impl Document {
    /// A document with an empty body around `frame`.
    pub fn new(frame: Docx) -> Document {
        Document {
            frame,
            body: Vec::new(),
        }
    }

    pub fn add_paragraph(mut self, paragraph: Paragraph) -> Document {
        self.body.push(Block::Paragraph(paragraph));
        self
    }

    pub fn add_table(mut self, table: Table) -> Document {
        self.body.push(Block::Table(table));
        self
    }

    /// docx-rs's model of the whole document, body included.
    pub(crate) fn into_docx(self) -> Docx {
        self.body
            .into_iter()
            .fold(self.frame, |docx, block| match block {
                Block::Paragraph(paragraph) => docx.add_paragraph(paragraph.to_docx()),
                Block::Table(table) => docx.add_table(table.to_docx()),
            })
    }
}

/// A paragraph: its properties, then bookmarks and runs in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paragraph {
    pub(crate) properties: ParagraphProperties,
    pub(crate) children: Vec<Inline>,
}

/// The paragraph properties Yttra sets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParagraphProperties {
    pub(crate) style: Option<&'static str>,
    pub(crate) keep_next: bool,
    pub(crate) indent: Option<HangingIndent>,
}

/// A left indent with a hanging first line, in twips.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HangingIndent {
    pub(crate) left: i32,
    pub(crate) hanging: i32,
}

/// What a paragraph holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// A collapsed bookmark (its start and its end), by name.
    Bookmark(String),
    Run(Run),
}

impl Paragraph {
    pub fn new() -> Paragraph {
        Paragraph::default()
    }

    pub fn style(mut self, style: &'static str) -> Paragraph {
        self.properties.style = Some(style);
        self
    }

    /// Kept on the same page as the next paragraph.
    pub fn keep_next(mut self) -> Paragraph {
        self.properties.keep_next = true;
        self
    }

    pub fn hanging_indent(mut self, left: i32, hanging: i32) -> Paragraph {
        self.properties.indent = Some(HangingIndent { left, hanging });
        self
    }

    pub fn add_run(mut self, run: Run) -> Paragraph {
        self.children.push(Inline::Run(run));
        self
    }

    /// Collapsed bookmarks put before everything the paragraph holds.
    pub fn with_bookmarks_first(mut self, names: impl IntoIterator<Item = String>) -> Paragraph {
        self.children
            .splice(0..0, names.into_iter().map(Inline::Bookmark));
        self
    }

    fn to_docx(&self) -> docx_rs::Paragraph {
        let mut paragraph = docx_rs::Paragraph::new();
        paragraph.property = self.properties.to_docx();
        for child in &self.children {
            match child {
                Inline::Bookmark(name) => paragraph.children.extend([
                    ParagraphChild::BookmarkStart(BookmarkStart::new(0, name)),
                    ParagraphChild::BookmarkEnd(BookmarkEnd::new(0)),
                ]),
                Inline::Run(run) => paragraph = paragraph.add_run(run.to_docx()),
            }
        }
        paragraph
    }
}

impl ParagraphProperties {
    pub(crate) fn to_docx(self) -> docx_rs::ParagraphProperty {
        let mut paragraph = docx_rs::Paragraph::new();
        if let Some(style) = self.style {
            paragraph = paragraph.style(style);
        }
        if self.keep_next {
            paragraph = paragraph.keep_next(true);
        }
        if let Some(indent) = self.indent {
            paragraph = paragraph.indent(
                Some(indent.left),
                Some(SpecialIndentType::Hanging(indent.hanging)),
                None,
                None,
            );
        }
        paragraph.property
    }
}

/// A run of text: its properties, then text, line breaks and tabs in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Run {
    pub(crate) properties: RunProperties,
    pub(crate) children: Vec<RunChild>,
}

/// The run properties Yttra sets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunProperties {
    pub(crate) bold: bool,
    pub(crate) italic: bool,
    /// In half-points.
    pub(crate) size: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RunChild {
    /// Text as it reads (not escaped), without the characters XML forbids.
    Text(String),
    LineBreak,
    Tab,
}

impl Run {
    pub fn new() -> Run {
        Run::default()
    }

    pub fn bold(mut self) -> Run {
        self.properties.bold = true;
        self
    }

    pub fn italic(mut self) -> Run {
        self.properties.italic = true;
        self
    }

    pub fn size(mut self, half_points: usize) -> Run {
        self.properties.size = Some(half_points);
        self
    }

    /// Adds text; the caller has removed what XML forbids (`blocks` does).
    pub(crate) fn add_safe_text(mut self, text: impl Into<String>) -> Run {
        self.children.push(RunChild::Text(text.into()));
        self
    }

    pub fn add_line_break(mut self) -> Run {
        self.children.push(RunChild::LineBreak);
        self
    }

    pub fn add_tab(mut self) -> Run {
        self.children.push(RunChild::Tab);
        self
    }

    fn to_docx(&self) -> docx_rs::Run {
        let mut run = docx_rs::Run::new();
        run.run_property = self.properties.to_docx();
        for child in &self.children {
            run = match child {
                RunChild::Text(text) => run.add_text(text),
                RunChild::LineBreak => run.add_break(BreakType::TextWrapping),
                RunChild::Tab => run.add_tab(),
            };
        }
        run
    }
}

impl RunProperties {
    pub(crate) fn to_docx(self) -> docx_rs::RunProperty {
        let mut run = docx_rs::Run::new();
        if self.bold {
            run = run.bold();
        }
        if self.italic {
            run = run.italic();
        }
        if let Some(size) = self.size {
            run = run.size(size);
        }
        run.run_property
    }
}

/// A table of Yttra's: the text width, fixed column widths, the table grid style; its first
/// row is its header row.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub(crate) grid: Vec<usize>,
    pub(crate) rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Kept on one page.
    pub(crate) cant_split: bool,
    pub(crate) cells: Vec<Cell>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub(crate) properties: CellProperties,
    pub(crate) paragraphs: Vec<Paragraph>,
}

/// The cell properties Yttra sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellProperties {
    /// In twips.
    pub(crate) width: usize,
    /// A fill colour (hex RGB).
    pub(crate) shading: Option<&'static str>,
}

impl Table {
    pub(crate) fn to_docx(&self) -> docx_rs::Table {
        let rows = self.rows.iter().map(Row::to_docx).collect();
        let mut table = docx_rs::Table::new(rows).set_grid(self.grid.clone());
        table.property = Table::properties_to_docx();
        table
    }

    /// The table's own properties, as docx-rs has them.
    pub(crate) fn properties_to_docx() -> docx_rs::TableProperty {
        docx_rs::Table::new(Vec::new())
            .style(styles::TABLE_GRID)
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .property
    }
}

impl Row {
    fn to_docx(&self) -> TableRow {
        let cells = self.cells.iter().map(Cell::to_docx).collect();
        let mut row = TableRow::new(cells);
        row.property = Row::properties_to_docx(self.cant_split);
        row
    }

    /// A row's own properties, as docx-rs has them.
    pub(crate) fn properties_to_docx(cant_split: bool) -> docx_rs::TableRowProperty {
        let row = TableRow::new(Vec::new());
        if cant_split {
            row.cant_split().property
        } else {
            row.property
        }
    }
}

impl Cell {
    fn to_docx(&self) -> TableCell {
        let cell = TableCell {
            property: self.properties.to_docx(),
            ..TableCell::new()
        };
        self.paragraphs.iter().fold(cell, |cell, paragraph| {
            cell.add_paragraph(paragraph.to_docx())
        })
    }
}

impl CellProperties {
    pub(crate) fn to_docx(self) -> docx_rs::TableCellProperty {
        let cell = TableCell::new().width(self.width, WidthType::Dxa);
        match self.shading {
            Some(fill) => cell.shading(Shading::new().fill(fill)).property,
            None => cell.property,
        }
    }
}
