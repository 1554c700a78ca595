//! The style sheet of every Yttra document: Word's built-in styles, so that headings feed the
//! navigation pane and screen readers, and the document looks at home in Word.
//!
//! A style counts as built-in in Word when its *name* is the built-in name ("heading 1",
//! "Table Grid"), whatever its id; the ids follow Word's English ids so files compare cleanly.

use docx_rs::{
    BorderType, Docx, LineSpacing, LineSpacingType, RunFonts, Style, StyleType, TableBorder,
    TableBorderPosition, TableBorders,
};

/// Style ids used by the document builders.
pub const TITLE: &str = "Title";
pub const SUBTITLE: &str = "Subtitle";
pub const HEADING_1: &str = "Heading1";
pub const HEADING_2: &str = "Heading2";
pub const QUOTE: &str = "Quote";
pub const HEADER: &str = "Header";
pub const TABLE_GRID: &str = "TableGrid";
/// Compact text inside table cells (10 pt, no space after).
pub const TABLE_TEXT: &str = "Tabelltext";
/// docx-rs always writes this style itself; body spacing therefore lives in the defaults.
pub const NORMAL: &str = "Normal";

/// Body text size in half-points (11 pt).
const BODY_SIZE: usize = 22;
/// Line height in 240ths of a line (1.1 lines), proportional to each paragraph's font size.
const BODY_LINE: i32 = 264;
const BODY_FONT: &str = "Arial";

/// Adds the style sheet and document defaults to a document.
pub fn with_styles(docx: Docx) -> Docx {
    docx.default_fonts(
        RunFonts::new()
            .ascii(BODY_FONT)
            .hi_ansi(BODY_FONT)
            .cs(BODY_FONT)
            .east_asia(BODY_FONT),
    )
    .default_size(BODY_SIZE)
    .default_line_spacing(body_line_spacing())
    .add_style(paragraph_style(TITLE, "Title", 40, 0, 120).bold())
    .add_style(paragraph_style(SUBTITLE, "Subtitle", 26, 0, 240).color("404040"))
    .add_style(heading(HEADING_1, "heading 1", 0, 30))
    .add_style(heading(HEADING_2, "heading 2", 1, 24))
    .add_style(
        paragraph_style(QUOTE, "Quote", BODY_SIZE, 60, 120)
            .italic()
            .indent(Some(567), None, Some(567), None),
    )
    .add_style(paragraph_style(HEADER, "header", 18, 0, 0))
    .add_style(paragraph_style(TABLE_TEXT, "Tabelltext", 20, 0, 40))
    .add_style(table_grid())
}

/// Yttra's style sheet as `word/styles.xml` holds it, to compare a template's styles with.
pub fn sheet_xml() -> String {
    String::from_utf8_lossy(&with_styles(Docx::new()).build().styles).into_owned()
}

/// The rule must be written out: without it LibreOffice reads `w:line` as an exact height, so
/// a wrapped title, larger than the body text, prints its lines on top of each other.
fn body_line_spacing() -> LineSpacing {
    LineSpacing::new()
        .after(120)
        .line(BODY_LINE)
        .line_rule(LineSpacingType::Auto)
}

fn paragraph_style(id: &str, name: &str, size: usize, before: u32, after: u32) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on(NORMAL)
        .next(NORMAL)
        .q_format(true)
        .size(size)
        .line_spacing(LineSpacing::new().before(before).after(after))
}

fn heading(id: &str, name: &str, outline_level: usize, size: usize) -> Style {
    paragraph_style(id, name, size, 360, 120)
        .bold()
        .outline_lvl(outline_level)
}

fn table_grid() -> Style {
    let border = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
            .color("808080")
    };
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |borders, position| {
        borders.set(border(position))
    });
    Style::new(TABLE_GRID, StyleType::Table)
        .name("Table Grid")
        .set_borders(borders)
}
