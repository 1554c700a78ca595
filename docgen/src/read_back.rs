//! Reads back what Word or LibreOffice changed in a filed document: the text of every field the
//! board writes, compared with the case the document embeds.
//!
//! A field is found from its anchor, a collapsed bookmark at the start of a paragraph Yttra
//! writes (see `blocks::anchored`): the rest of a labelled paragraph ("Ställningstagande: …"),
//! the paragraphs after a heading or label up to the next anchor, heading, table or spacer, or a
//! cell of a measure's row. The text itself stays plain runs, so every reader sees it, and text
//! typed over a field lands in the field whatever happened to bookmarks inside it.

use std::collections::BTreeMap;

use schemas::fields::Field;
pub use schemas::fields::{adopt, document_versions, Difference, FoundFields};
use schemas::Date;

use crate::extract::{read_document_part, ExtractError, Extracted};
use crate::xml_tree::{self, Element};

/// The bookmarks around Yttra's content in a template that keeps text of its own around it
/// (`template`): reading back reads only what lies between them.
pub const CONTENT_START: &str = "YttraInnehallStart";
pub const CONTENT_END: &str = "YttraInnehallSlut";

/// How a field stands to its anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Anchor {
    /// The paragraphs after the anchored one (a heading, the stance's label).
    After,
    /// The rest of the anchored paragraph after its label and colon.
    Labelled,
    /// The anchored paragraph and those after it.
    Itself,
    /// A cell of the anchored paragraph's table row, by column; in the anchor's own cell, the
    /// paragraphs before the anchored one.
    Column(u8),
    /// No field: ends the one before it.
    Stop,
}

impl Anchor {
    /// The anchor's letters in a bookmark name.
    pub fn mode(self) -> String {
        match self {
            Anchor::After => "a".into(),
            Anchor::Labelled => "l".into(),
            Anchor::Itself => "s".into(),
            Anchor::Column(column) => format!("c{column}"),
            Anchor::Stop => "x".into(),
        }
    }
}

/// A field's anchor as a bookmark names it: `Y2c1_A1_effect` is the second place where measure
/// A1's effect is shown, in column 1 of the anchored row.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct AnchorName {
    pub place: u32,
    pub anchor: Anchor,
    /// `None` for a stop.
    pub field: Option<Field>,
}

impl AnchorName {
    /// The anchor a bookmark name stands for, or `None` for a name Yttra did not write.
    pub fn parse(name: &str) -> Option<AnchorName> {
        let rest = name.strip_prefix('Y')?;
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let place = rest[..digits].parse().ok()?;
        let (mode, key) = rest[digits..].split_once('_')?;
        let anchor = match mode {
            "a" => Anchor::After,
            "l" => Anchor::Labelled,
            "s" => Anchor::Itself,
            "x" => Anchor::Stop,
            column => Anchor::Column(column.strip_prefix('c')?.parse().ok()?),
        };
        let field = match anchor {
            Anchor::Stop if key == "stop" => None,
            Anchor::Stop => return None,
            _ => Some(Field::parse(key)?),
        };
        Some(AnchorName {
            place,
            anchor,
            field,
        })
    }
}

/// A document read back: its embedded case, how its fields differ from it, and text typed
/// outside the fields (which is not read back).
#[derive(Clone, Debug, PartialEq)]
pub struct ReadBack {
    pub extracted: Extracted,
    /// The fields compared with the embedded case.
    pub differences: Vec<Difference>,
    pub outside: Vec<String>,
    /// The document's fields, to compare with another copy of the case (the one stored in the
    /// app, which may be newer than what the document embeds).
    pub fields: Option<FoundFields>,
}

/// Reads a DOCX's fields and compares them with its embedded case. Documents without fields
/// (older ones, or a whole-case document) give no differences.
pub fn read_back(docx: &[u8]) -> Result<ReadBack, ExtractError> {
    let extracted = crate::extract::extract(docx)?;
    let (Some(request), Some(board)) = (extracted.document.clone(), answering_board(&extracted))
    else {
        return Ok(ReadBack {
            extracted,
            differences: Vec::new(),
            outside: Vec::new(),
            fields: None,
        });
    };
    let document_xml = read_document_part(docx)?;
    let found = document_fields(&document_xml);
    // What Yttra wrote: the same document made again from the embedded case, read the same
    // way. Its fields are the ones the document should have; its other text is Yttra's own.
    let made = extracted
        .made
        .unwrap_or_else(|| Date::from_ymd(2000, 1, 1).expect("a valid date"));
    let expected = crate::expected_fields(&extracted.case, &request, made).unwrap_or_default();
    let fields = FoundFields {
        places: found.places,
        doubled: found.doubled,
        expected: expected.places.into_keys().collect(),
    };
    let differences = schemas::fields::differences(&extracted.case, &board, &fields);
    let outside = added_outside(&found.outside, &expected.outside);
    Ok(ReadBack {
        extracted,
        differences,
        outside,
        fields: Some(fields),
    })
}

/// The board whose answers a document holds fields of (see `Request::answering_board`).
pub fn answering_board(extracted: &Extracted) -> Option<String> {
    extracted
        .document
        .as_ref()?
        .answering_board()
        .map(str::to_string)
}

/// The fields of a document body and its text outside them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentFields {
    /// Each field's text per place, paragraphs joined by blank lines.
    pub places: BTreeMap<Field, BTreeMap<u32, String>>,
    /// Every paragraph's text outside the fields, in order.
    pub outside: Vec<String>,
    /// Fields whose anchor stands twice at one place.
    pub doubled: Vec<Field>,
}

/// One paragraph as the reader needs it: its style, text and anchors.
struct Paragraph {
    style: String,
    text: String,
    anchors: Vec<AnchorName>,
    /// Whether Yttra's content starts or ends here (see [`CONTENT_START`]).
    starts_content: bool,
    ends_content: bool,
}

/// The body's blocks in order: paragraphs, and tables as rows of cells of paragraphs.
enum Block {
    Paragraph(Paragraph),
    Table(Vec<Vec<Vec<Paragraph>>>),
}

/// Reads the fields out of `word/document.xml`.
pub fn document_fields(document_xml: &[u8]) -> DocumentFields {
    match xml_tree::parse(document_xml) {
        Ok(document) => fields_of(&document.root),
        Err(_) => DocumentFields::default(),
    }
}

/// The fields of a parsed body part (its root, `w:document`).
pub(crate) fn fields_of(root: &Element) -> DocumentFields {
    let Some(body) = root.child_elements().find(|e| e.name == "w:body") else {
        return DocumentFields::default();
    };
    let mut blocks = Vec::new();
    // In a template, Yttra's content may stand in a table cell; it is read from there.
    collect_blocks(content_container(body).unwrap_or(body), &mut blocks);
    let blocks = yttra_content(blocks);
    let mut fields = DocumentFields::default();
    read_paragraphs(&paragraph_run(&blocks), &mut fields);
    for block in &blocks {
        if let Block::Table(rows) = block {
            for row in rows {
                read_row(row, &mut fields);
            }
        }
    }
    fields
}

/// The element whose paragraphs include the one where Yttra's content starts (the body, or a
/// template's table cell), when the content is marked.
fn content_container<'e, 'a>(element: &'e Element<'a>) -> Option<&'e Element<'a>> {
    for child in element.child_elements() {
        if child.name == "w:p" {
            let mut names = Vec::new();
            find_bookmarks(child, &mut names);
            if names.contains(&CONTENT_START) {
                return Some(element);
            }
        } else if let Some(found) = content_container(child) {
            return Some(found);
        }
    }
    None
}

/// The blocks Yttra wrote: in a template that keeps its own text around Yttra's, those between
/// the content's bookmarks; otherwise all. (A bookmark deleted with its paragraph leaves all, so
/// the template's text then shows as text outside the fields: reported, never lost.)
fn yttra_content(blocks: Vec<Block>) -> Vec<Block> {
    let marked = |block: &Block, end: bool| matches!(block, Block::Paragraph(p) if if end { p.ends_content } else { p.starts_content });
    let start = blocks.iter().position(|block| marked(block, false));
    let end = blocks.iter().rposition(|block| marked(block, true));
    match (start, end) {
        (Some(start), Some(end)) if start <= end => {
            blocks.into_iter().take(end + 1).skip(start).collect()
        }
        _ => blocks,
    }
}

/// Body paragraphs and tables, looking through content controls and other wrappers a user's
/// editor may have added.
fn collect_blocks(element: &Element, blocks: &mut Vec<Block>) {
    for child in element.child_elements() {
        match child.name.as_ref() {
            "w:p" => blocks.push(Block::Paragraph(read_paragraph(child))),
            "w:tbl" => blocks.push(Block::Table(read_table(child))),
            "w:sectPr" => {}
            _ => collect_blocks(child, blocks),
        }
    }
}

fn read_table(table: &Element) -> Vec<Vec<Vec<Paragraph>>> {
    let mut rows = Vec::new();
    for row in descendants_named(table, "w:tr", "w:tbl") {
        let cells = descendants_named(row, "w:tc", "w:tbl")
            .into_iter()
            .map(|cell| {
                descendants_named(cell, "w:p", "w:tbl")
                    .into_iter()
                    .map(read_paragraph)
                    .collect()
            })
            .collect();
        rows.push(cells);
    }
    rows
}

/// The elements called `name` below `element`, not looking inside `name` itself nor inside
/// `barrier` (a nested table keeps its own rows).
fn descendants_named<'e, 'a>(
    element: &'e Element<'a>,
    name: &str,
    barrier: &str,
) -> Vec<&'e Element<'a>> {
    let mut found = Vec::new();
    for child in element.child_elements() {
        if child.name == name {
            found.push(child);
        } else if child.name != barrier {
            found.extend(descendants_named(child, name, barrier));
        }
    }
    found
}

fn read_paragraph(paragraph: &Element) -> Paragraph {
    let style = paragraph
        .child_elements()
        .find(|e| e.name == "w:pPr")
        .and_then(|properties| properties.child_elements().find(|e| e.name == "w:pStyle"))
        .and_then(|style| style.attribute("w:val"))
        .unwrap_or_default()
        .to_string();
    let mut bookmarks = Vec::new();
    find_bookmarks(paragraph, &mut bookmarks);
    Paragraph {
        style,
        text: shown_text(paragraph),
        anchors: bookmarks
            .iter()
            .filter_map(|name| AnchorName::parse(name))
            .collect(),
        starts_content: bookmarks.contains(&CONTENT_START),
        ends_content: bookmarks.contains(&CONTENT_END),
    }
}

fn find_bookmarks<'e>(element: &'e Element, names: &mut Vec<&'e str>) {
    for child in element.child_elements() {
        if child.name == "w:bookmarkStart" {
            names.extend(child.attribute("w:name"));
        } else {
            find_bookmarks(child, names);
        }
    }
}

/// The body's paragraphs with a table standing as a break between them.
fn paragraph_run(blocks: &[Block]) -> Vec<Option<&Paragraph>> {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(paragraph) => Some(paragraph),
            Block::Table(_) => None,
        })
        .collect()
}

/// True for a paragraph that ends a field: an anchor of any kind or a heading. (A table ends a
/// field too; it stands as `None` in the run of paragraphs.)
fn ends_a_field(paragraph: &Paragraph) -> bool {
    !paragraph.anchors.is_empty() || is_heading(&paragraph.style)
}

fn is_heading(style: &str) -> bool {
    let style = style.to_ascii_lowercase();
    style.starts_with("heading") || style.starts_with("rubrik") || style == "title"
}

/// Body paragraphs: the anchored fields, and everything else as outside text.
fn read_paragraphs(run: &[Option<&Paragraph>], fields: &mut DocumentFields) {
    let inside = read_anchored(run, fields);
    push_outside(run.iter().zip(&inside), fields);
}

/// The fields anchored in a run of paragraphs (`None` stands for a table, which ends a field):
/// which paragraphs they cover.
fn read_anchored(run: &[Option<&Paragraph>], fields: &mut DocumentFields) -> Vec<bool> {
    let mut inside = vec![false; run.len()];
    for (index, paragraph) in run.iter().enumerate() {
        let Some(paragraph) = paragraph else {
            continue;
        };
        for anchor in &paragraph.anchors {
            let Some(field) = &anchor.field else {
                continue;
            };
            let text = match anchor.anchor {
                Anchor::Labelled => {
                    inside[index] = true;
                    let after_label = paragraph
                        .text
                        .split_once(':')
                        .map_or(paragraph.text.as_str(), |(_, value)| value);
                    after_label.trim().to_string()
                }
                Anchor::After | Anchor::Itself => {
                    let first = index + usize::from(anchor.anchor == Anchor::After);
                    let end = (first..run.len())
                        .find(|&at| at > index && run[at].is_none_or(ends_a_field))
                        .unwrap_or(run.len());
                    for flag in &mut inside[first..end] {
                        *flag = true;
                    }
                    (first..end)
                        .filter_map(|at| run[at].map(|p| p.text.as_str()))
                        .collect::<Vec<_>>()
                        .join("\n\n")
                }
                Anchor::Column(_) | Anchor::Stop => continue,
            };
            fields.insert(field, anchor.place, text);
        }
    }
    inside
}

/// Paragraphs not in any field, with text: what Yttra wrote itself, or what was added.
fn push_outside<'p>(
    paragraphs: impl Iterator<Item = (&'p Option<&'p Paragraph>, &'p bool)>,
    fields: &mut DocumentFields,
) {
    for (paragraph, inside) in paragraphs {
        let text = paragraph.map_or("", |p| p.text.trim());
        if !inside && !text.is_empty() {
            fields.outside.push(text.to_string());
        }
    }
}

/// A table row: the fields its column anchors name (a cell of the row each; in the anchor's
/// own cell, the paragraphs before the first anchored one), and the fields anchored inside a
/// cell as in the body. The rest of the row's text is outside text.
fn read_row(row: &[Vec<Paragraph>], fields: &mut DocumentFields) {
    let mut used: Vec<Vec<bool>> = row
        .iter()
        .map(|cell| {
            let run: Vec<Option<&Paragraph>> = cell.iter().map(Some).collect();
            read_anchored(&run, fields)
        })
        .collect();
    for (cell_index, cell) in row.iter().enumerate() {
        for paragraph in cell {
            for anchor in &paragraph.anchors {
                let (Some(field), Anchor::Column(column)) = (&anchor.field, anchor.anchor) else {
                    continue;
                };
                let column = usize::from(column);
                let Some(target) = row.get(column) else {
                    continue;
                };
                // In the anchor's own cell the field is what stands before Yttra's own lines.
                let take = if column == cell_index {
                    target
                        .iter()
                        .position(|p| !p.anchors.is_empty())
                        .unwrap_or(target.len())
                } else {
                    target.len()
                };
                let text = target[..take]
                    .iter()
                    .map(|p| p.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n\n");
                for flag in &mut used[column][..take] {
                    *flag = true;
                }
                fields.insert(field, anchor.place, text);
            }
        }
    }
    for (cell, flags) in row.iter().zip(&used) {
        let run: Vec<Option<&Paragraph>> = cell.iter().map(Some).collect();
        push_outside(run.iter().zip(flags), fields);
    }
}

impl DocumentFields {
    /// A field's text at one place; a place seen twice (a paragraph copied with its anchor)
    /// is remembered, since neither copy can be told to be the field.
    fn insert(&mut self, field: &Field, place: u32, text: String) {
        let places = self.places.entry(field.clone()).or_default();
        if places.insert(place, text).is_some() && !self.doubled.contains(field) {
            self.doubled.push(field.clone());
        }
    }
}

/// The text a reader sees inside an element: text, tabs and line breaks.
fn shown_text(element: &Element) -> String {
    let mut text = String::new();
    shown_text_into(element, &mut text);
    text
}

fn shown_text_into(element: &Element, text: &mut String) {
    for child in element.child_elements() {
        match child.name.as_ref() {
            "w:t" => text.push_str(&child.text_content()),
            "w:tab" => text.push('\t'),
            "w:br" | "w:cr" => text.push('\n'),
            // Deleted text under tracked changes, and field codes, are not what the page says.
            "w:del" | "w:delText" | "w:instrText" | "w:pPr" | "w:rPr" => {}
            _ => shown_text_into(child, text),
        }
    }
}

/// Paragraphs of text outside the fields that Yttra did not write.
fn added_outside(found: &[String], expected: &[String]) -> Vec<String> {
    let mut remaining: Vec<&String> = expected.iter().collect();
    let mut added = Vec::new();
    for text in found {
        match remaining.iter().position(|candidate| *candidate == text) {
            Some(index) => {
                remaining.remove(index);
            }
            None => added.push(text.clone()),
        }
    }
    added
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchor_names_read_back() {
        for (name, place, anchor) in [
            ("Y1l_R1_stance", 1, Anchor::Labelled),
            ("Y2c3_A1_responsible", 2, Anchor::Column(3)),
            ("Y12a_first_summary", 12, Anchor::After),
            ("Y3x_stop", 3, Anchor::Stop),
        ] {
            let read = AnchorName::parse(name).expect("reads");
            assert_eq!((read.place, read.anchor), (place, anchor), "{name}");
            let key = read.field.map(|f| f.to_string()).unwrap_or("stop".into());
            assert_eq!(format!("Y{place}{}_{key}", anchor.mode()), name);
        }
        for other in [
            "_GoBack",
            "Y_A1_action",
            "Yx_A1_action",
            "Y1q_A1_action",
            "Y1l_nonsense",
            "Y1x_A1_action",
        ] {
            assert_eq!(AnchorName::parse(other), None, "{other}");
        }
    }
}
