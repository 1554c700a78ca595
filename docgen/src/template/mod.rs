//! The municipality's own Word template: reading one (and refusing what cannot serve as one),
//! describing it for the settings page, and merging a Yttra document into it (`merge`).
//!
//! What comes from the template: page size and margins, headers and footers with their
//! pictures, styles and fonts, theme, numbering, the document defaults, every other part it
//! holds. What comes from Yttra: the content (into the template's styles, matched by the
//! built-in style they are), the embedded case, the document's properties. The fields of
//! `schemas::template::TEMPLATE_FIELDS` are filled in the body, headers, footers, content
//! controls and custom properties.

mod fill;
mod merge;
mod parts;
mod styles;
mod written;

use std::io::{Cursor, Read};

use schemas::template::{PageSetup, PartText, Placement, TemplateSummary};
use zip::ZipArchive;

use crate::xml_tree::{self, Element};

pub use fill::FieldValues;
pub(crate) use merge::merge;
pub use merge::MergeReport;
/// A relationship's target as a part path, resolved against the folder of the part holding it.
pub use parts::resolve as resolve_target;

pub use schemas::template::MAX_TEMPLATE_BYTES;
/// Bounds on what a template's zip may unpack to, so a hostile file cannot exhaust memory.
const MAX_ENTRIES: usize = 1_000;
const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// The main part of every Word package Yttra accepts as a template.
pub const MAIN_PART: &str = "word/document.xml";

/// Why a file cannot be used as a template. `Display` gives a Swedish message that says what to
/// do instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    TooLarge {
        bytes: usize,
    },
    /// A Word 97–2003 file (.doc, .dot).
    OldWord,
    /// An encrypted (password-protected) Office file.
    Encrypted,
    /// A macro-enabled file (.docm, .dotm): refused, macros are never carried.
    Macros,
    /// A zip that cannot be read.
    Damaged,
    /// Not a Word document (another file, or another Office format).
    NotWord,
    /// A part that is not readable XML.
    BrokenPart(String),
    /// A document Yttra wrote: its header and text belong to another case.
    YttraDocument,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::TooLarge { bytes } => write!(
                f,
                "Mallen är för stor ({}); en mall får vara högst {} MB. Markera en bild i Word \
                 och välj Bildformat > Komprimera bilder, spara och försök igen.",
                schemas::template::megabytes_sv(*bytes),
                MAX_TEMPLATE_BYTES / (1024 * 1024)
            ),
            TemplateError::OldWord => write!(
                f,
                "Mallen är en äldre Word-fil (.doc eller .dot). Öppna den i Word, spara den som \
                 Word-mall (.dotx) eller Word-dokument (.docx) och ladda upp den igen."
            ),
            TemplateError::Encrypted => write!(
                f,
                "Mallen är lösenordsskyddad och kan inte läsas. Ta bort lösenordet i Word (Arkiv \
                 > Information > Skydda dokument), spara och ladda upp den igen."
            ),
            TemplateError::Macros => write!(
                f,
                "Mallen är en makromall (.docm eller .dotm) eller innehåller makron. Yttra tar \
                 aldrig med makron i ett dokument. Spara mallen som Word-mall (.dotx) och ladda \
                 upp den igen."
            ),
            TemplateError::Damaged => write!(
                f,
                "Mallen är skadad och kan inte öppnas. Öppna den i Word, spara den på nytt och \
                 försök igen."
            ),
            TemplateError::NotWord => write!(
                f,
                "Filen är ingen Word-mall. Ladda upp mallen som .dotx eller .docx."
            ),
            TemplateError::YttraDocument => write!(
                f,
                "Filen är ett dokument som Yttra har skrivit, inte en mall: dess sidhuvud och \
                 text hör till ett annat ärende. Ladda upp kommunens tomma mall (.dotx)."
            ),
            TemplateError::BrokenPart(part) => write!(
                f,
                "Mallen kunde inte läsas: delen {part} är skadad. Öppna mallen i Word, spara den \
                 på nytt och försök igen."
            ),
        }
    }
}

impl std::error::Error for TemplateError {}

/// A template read and checked: its parts, unpacked, in the order of its zip.
#[derive(Clone, Debug)]
pub struct Template {
    parts: Vec<(String, Vec<u8>)>,
}

/// The first bytes of an OLE compound file: a Word 97–2003 file, or an encrypted Office file.
const OLE_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

impl Template {
    /// Reads a template uploaded as `file_name`, refusing what cannot serve as one.
    pub fn read(bytes: &[u8], file_name: &str) -> Result<Template, TemplateError> {
        if bytes.len() > MAX_TEMPLATE_BYTES {
            return Err(TemplateError::TooLarge { bytes: bytes.len() });
        }
        let extension = file_name
            .rsplit_once('.')
            .map(|(_, extension)| extension.to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(extension.as_str(), "docm" | "dotm") {
            return Err(TemplateError::Macros);
        }
        if bytes.starts_with(&OLE_SIGNATURE) {
            return Err(if is_encrypted_package(bytes) {
                TemplateError::Encrypted
            } else {
                TemplateError::OldWord
            });
        }
        if !bytes.starts_with(b"PK") {
            return Err(match extension.as_str() {
                "doc" | "dot" => TemplateError::OldWord,
                _ => TemplateError::NotWord,
            });
        }
        let template = Template {
            parts: unpack(bytes)?,
        };
        template.check()?;
        Ok(template)
    }

    /// The bytes of a part, if the template has it.
    pub fn part(&self, path: &str) -> Option<&[u8]> {
        self.parts
            .iter()
            .find(|(name, _)| name == path)
            .map(|(_, bytes)| bytes.as_slice())
    }

    pub(crate) fn parts(&self) -> &[(String, Vec<u8>)] {
        &self.parts
    }

    /// A Word package whose main part is a document or template without macros.
    fn check(&self) -> Result<(), TemplateError> {
        let types = self
            .parse("[Content_Types].xml")?
            .ok_or(TemplateError::NotWord)?;
        let package_rels = self.parse("_rels/.rels")?.ok_or(TemplateError::NotWord)?;
        let main = parts::internal_relationships(&package_rels.root, "")
            .into_iter()
            .find(|(_, kind, _)| kind == "officeDocument")
            .map(|(_, _, target)| target)
            .ok_or(TemplateError::NotWord)?;
        let main_type = parts::content_type(&types.root, &main).unwrap_or_default();
        if main_type.contains("macroEnabled")
            || self
                .parts
                .iter()
                .any(|(name, _)| name.to_ascii_lowercase().ends_with("vbaproject.bin"))
        {
            return Err(TemplateError::Macros);
        }
        if !main_type.contains("wordprocessingml") || main != MAIN_PART {
            return Err(TemplateError::NotWord);
        }
        // The parts a merge rewrites must be readable XML, or every document would fail later.
        for (path, _) in &self.parts {
            if is_rewritten(path) {
                self.parse(path)?;
            }
        }
        let embeds_a_case = self.parts.iter().any(|(path, bytes)| {
            path.starts_with("customXml/item") && crate::embed::case_from_part(bytes).is_some()
        });
        if embeds_a_case {
            return Err(TemplateError::YttraDocument);
        }
        Ok(())
    }

    /// A part parsed as XML; `None` when the template does not have it.
    fn parse(&self, path: &str) -> Result<Option<xml_tree::XmlDocument<'_>>, TemplateError> {
        self.part(path)
            .map(|bytes| {
                xml_tree::parse(bytes).map_err(|_| TemplateError::BrokenPart(path.to_string()))
            })
            .transpose()
    }

    /// What the template holds and what Yttra will do with it, for the settings page.
    pub fn summary(&self) -> TemplateSummary {
        merge::summary(self)
    }
}

/// Whether a merge may parse and rewrite a part: the package's lists, the body, styles,
/// settings, headers, footers and properties. (A case system's custom XML is read only when a
/// control is bound to it, and skipped when it cannot be read.)
fn is_rewritten(path: &str) -> bool {
    if path.ends_with(".rels") || path == "[Content_Types].xml" {
        return true;
    }
    if let Some(name) = path.strip_prefix("docProps/") {
        return name.ends_with(".xml");
    }
    match path.strip_prefix("word/") {
        Some(name) if !name.contains('/') => {
            name.starts_with("header")
                || name.starts_with("footer")
                || matches!(name, "document.xml" | "styles.xml" | "settings.xml")
        }
        _ => false,
    }
}

/// An encrypted Office file is an OLE container with an `EncryptedPackage` stream, whose name
/// is stored in UTF-16.
fn is_encrypted_package(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|window| window == name)
}

/// Every entry of the zip, bounded in number and unpacked size.
fn unpack(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, TemplateError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| TemplateError::Damaged)?;
    if archive.len() > MAX_ENTRIES {
        return Err(TemplateError::Damaged);
    }
    let mut budget = MAX_UNPACKED_BYTES;
    let mut parts = Vec::with_capacity(archive.len());
    for index in 0..archive.len() {
        let entry = archive
            .by_index(index)
            .map_err(|_| TemplateError::Damaged)?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().to_string();
        let mut part = Vec::new();
        entry
            .take(budget + 1)
            .read_to_end(&mut part)
            .map_err(|_| TemplateError::Damaged)?;
        budget = budget
            .checked_sub(part.len() as u64)
            .ok_or(TemplateError::Damaged)?;
        parts.push((name, part));
    }
    Ok(parts)
}

/// The page a section's properties set, in millimetres (twips / 56.7).
fn page_setup(section: Option<&Element>) -> PageSetup {
    let twips = |element: Option<&Element>, attribute: &str| {
        element
            .and_then(|element| element.attribute(attribute))
            .and_then(|value| value.parse::<f64>().ok())
            .map(|value| (value.abs() / 56.692).round() as u32)
            .unwrap_or_default()
    };
    let size = section.and_then(|section| section.first_child("w:pgSz"));
    let margins = section.and_then(|section| section.first_child("w:pgMar"));
    PageSetup {
        width_mm: twips(size, "w:w"),
        height_mm: twips(size, "w:h"),
        top_mm: twips(margins, "w:top"),
        right_mm: twips(margins, "w:right"),
        bottom_mm: twips(margins, "w:bottom"),
        left_mm: twips(margins, "w:left"),
    }
}

/// Which pages a header or footer reference is for, as the settings page says it.
fn pages_sv(kind: &str, title_page: bool) -> String {
    match kind {
        "first" => "Första sidan",
        "even" => "Jämna sidor",
        _ if title_page => "Övriga sidor",
        _ => "Alla sidor",
    }
    .to_string()
}

/// The text lines and pictures of a header or footer part.
fn part_text(pages: String, part: &Element) -> PartText {
    let mut lines = Vec::new();
    let mut images = 0;
    collect_lines(part, &mut lines, &mut images);
    PartText {
        pages,
        lines,
        images,
    }
}

fn collect_lines(element: &Element, lines: &mut Vec<String>, images: &mut usize) {
    for child in element.child_elements() {
        match child.name.as_ref() {
            "w:p" => {
                let mut text = String::new();
                line_text(child, &mut text);
                if !text.trim().is_empty() {
                    lines.push(text.trim().to_string());
                }
                count_images(child, images);
            }
            _ => collect_lines(child, lines, images),
        }
    }
}

/// A paragraph's text as the settings page shows it: a tab as a wide space, a content control
/// that Yttra fills as its field (`{{diarienummer}}`, not Word's "Klicka här …"), field codes
/// left out.
fn line_text(element: &Element, out: &mut String) {
    for child in &element.children {
        let xml_tree::Node::Element(child) = child else {
            continue;
        };
        match child.name.as_ref() {
            "w:t" => out.push_str(&child.text_content()),
            "w:tab" | "w:br" => out.push('\u{2003}'),
            "w:instrText" | "w:delText" | "w:txbxContent" => {}
            "w:sdt" => match control_field(child) {
                Some(key) => out.push_str(&format!("{{{{{key}}}}}")),
                None => line_text(child, out),
            },
            _ => line_text(child, out),
        }
    }
}

/// The field a content control is named after, by its tag or title.
fn control_field(control: &Element) -> Option<&'static str> {
    let properties = control.first_child("w:sdtPr")?;
    ["w:tag", "w:alias"].iter().find_map(|name| {
        properties
            .first_child(name)
            .and_then(|element| element.attribute("w:val"))
            .and_then(schemas::template::field_key)
    })
}

fn count_images(element: &Element, images: &mut usize) {
    for child in element.child_elements() {
        if matches!(child.name.as_ref(), "pic:pic" | "v:imagedata") {
            *images += 1;
        } else {
            count_images(child, images);
        }
    }
}

/// Whether a section's headers differ on the first page.
fn title_page(section: &Element) -> bool {
    section
        .first_child("w:titlePg")
        .is_some_and(|element| !matches!(element.attribute("w:val"), Some("0" | "false" | "off")))
}

/// Where a template puts Yttra's content: how, the properties of the section it is in (the
/// last section when the body is replaced), and the width of the table cell holding it.
pub(crate) struct Slot<'e, 'a> {
    pub placement: Placement,
    pub section: Option<&'e Element<'a>>,
    /// In twips, between the cell's margins.
    pub cell_width: Option<i64>,
    /// The child indexes from the body down to the slot; empty when the body is replaced.
    pub path: Vec<usize>,
}

/// Word's default cell margins, left and right together (108 twips each).
const CELL_MARGINS: i64 = 216;

pub(crate) fn slot_of<'e, 'a>(body: &'e Element<'a>) -> Slot<'e, 'a> {
    let last_section = body
        .child_elements()
        .filter(|e| e.name == "w:sectPr")
        .last();
    let mut path = Vec::new();
    if !slot_path(body, &mut path, true) {
        return Slot {
            placement: Placement::ReplacesBody,
            section: last_section,
            cell_width: None,
            path,
        };
    }
    let mut cell_width = None;
    let mut ancestors: Vec<&Element> = Vec::new();
    let mut element = body;
    for &index in &path {
        if element.name == "w:tc" {
            cell_width = cell_width_of(element, &ancestors);
        }
        ancestors.push(element);
        match &element.children[index] {
            xml_tree::Node::Element(child) => element = child,
            _ => break,
        }
    }
    // A section ends with the paragraph holding its properties; the last with the body's own.
    let section = body.children[path[0]..]
        .iter()
        .filter_map(|node| match node {
            xml_tree::Node::Element(e) => Some(e),
            _ => None,
        })
        .find_map(|e| match e.name.as_ref() {
            "w:sectPr" => Some(e),
            "w:p" => e
                .first_child("w:pPr")
                .and_then(|p| p.first_child("w:sectPr")),
            _ => None,
        })
        .or(last_section);
    Slot {
        placement: if fill::is_yttra_control(element)
            || element.child_elements().any(fill::is_yttra_control)
        {
            Placement::ContentControl
        } else {
            Placement::Marker
        },
        section,
        cell_width,
        path,
    }
}

/// The child indexes from `element` down to the first slot, if there is one. A slot counts only
/// where paragraphs and tables may stand (`blocks`: the body, a table cell, a block content
/// control, a text box): Yttra's content put anywhere else (inside a hyperlink, a row) would
/// make a file Word refuses.
fn slot_path(element: &Element, path: &mut Vec<usize>, blocks: bool) -> bool {
    for (index, child) in element.children.iter().enumerate() {
        let xml_tree::Node::Element(child) = child else {
            continue;
        };
        path.push(index);
        let child_blocks = match child.name.as_ref() {
            "w:tc" | "w:txbxContent" => true,
            "w:sdt" | "w:sdtContent" | "w:customXml" => blocks,
            _ => false,
        };
        if (blocks && is_slot(child)) || slot_path(child, path, child_blocks) {
            return true;
        }
        path.pop();
    }
    false
}

/// A block where the content goes: the marker paragraph, a block content control tagged
/// `yttra`, or a paragraph holding such a control inline.
pub(crate) fn is_slot(element: &Element) -> bool {
    fill::is_marker(element)
        || fill::is_yttra_control(element)
        || (element.name == "w:p" && element.child_elements().any(fill::is_yttra_control))
}

/// The room in a table cell: its own width and the width of its grid columns disagree in
/// templates saved by some tools (Word lays out by the first, LibreOffice by the second), so the
/// narrower, between the cell's margins. `ancestors` ends with the cell's row and table.
fn cell_width_of(cell: &Element, ancestors: &[&Element]) -> Option<i64> {
    let twips = |element: &Element| {
        matches!(element.attribute("w:type"), None | Some("dxa"))
            .then(|| element.attribute("w:w")?.parse::<i64>().ok())
            .flatten()
    };
    let own = cell
        .first_child("w:tcPr")
        .and_then(|properties| properties.first_child("w:tcW"))
        .and_then(twips);
    let grid = match ancestors {
        [.., table, row] if table.name == "w:tbl" && row.name == "w:tr" => {
            grid_width(table, row, cell)
        }
        _ => None,
    };
    let width = match (own, grid) {
        (Some(own), Some(grid)) => own.min(grid),
        (one, other) => one.or(other)?,
    } - CELL_MARGINS;
    (width > 0).then_some(width)
}

/// The width of the grid columns a cell spans.
fn grid_width(table: &Element, row: &Element, cell: &Element) -> Option<i64> {
    let span = |cell: &Element| {
        cell.first_child("w:tcPr")
            .and_then(|properties| properties.first_child("w:gridSpan"))
            .and_then(|span| span.attribute("w:val")?.parse::<usize>().ok())
            .unwrap_or(1)
    };
    let column: usize = row
        .child_elements()
        .filter(|e| e.name == "w:tc")
        .take_while(|other| !std::ptr::eq(*other, cell))
        .map(span)
        .sum();
    let columns: Vec<i64> = table
        .first_child("w:tblGrid")?
        .child_elements()
        .filter_map(|column| column.attribute("w:w")?.parse().ok())
        .collect();
    let spanned = columns.get(column..column + span(cell))?;
    Some(spanned.iter().sum())
}

/// Where a template puts Yttra's content (see [`Placement`]).
fn placement_of(body: &Element) -> Placement {
    slot_of(body).placement
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_that_are_not_templates_are_refused_with_the_reason() {
        let mut ole = OLE_SIGNATURE.to_vec();
        ole.extend_from_slice(&[0; 64]);
        assert_eq!(
            Template::read(&ole, "mall.doc").expect_err("refused"),
            TemplateError::OldWord
        );
        let mut encrypted = ole.clone();
        encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            Template::read(&encrypted, "mall.docx").expect_err("refused"),
            TemplateError::Encrypted
        );
        assert_eq!(
            Template::read(b"PK\x03\x04broken", "mall.dotx").expect_err("refused"),
            TemplateError::Damaged
        );
        assert_eq!(
            Template::read(b"PK\x03\x04", "mall.dotm").expect_err("refused"),
            TemplateError::Macros
        );
        assert_eq!(
            Template::read(b"%PDF-1.7", "mall.pdf").expect_err("refused"),
            TemplateError::NotWord
        );
        let large = vec![0; MAX_TEMPLATE_BYTES + 1];
        assert!(matches!(
            Template::read(&large, "mall.dotx").expect_err("refused"),
            TemplateError::TooLarge { .. }
        ));
    }
}
