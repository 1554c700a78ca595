//! Reads the case back out of a DOCX that Yttra wrote, however it arrives: straight from Yttra,
//! or after a round through the case system or an office suite.
//!
//! Input is untrusted, so every size is bounded before and while reading: the file itself, the
//! number of zip entries, and the bytes actually inflated from each part (a zip bomb can lie
//! about its sizes in the headers, so the reader stops at the limit whatever they say).

use std::io::{Cursor, Read};

use schemas::documents::Request;
use schemas::{load_case, Case, Date, LoadError};
use zip::ZipArchive;

use crate::embed;

/// The largest DOCX accepted at all.
pub const MAX_DOCX_BYTES: u64 = 50 * 1024 * 1024;
/// The largest custom XML part that is inflated.
pub const MAX_PART_BYTES: u64 = 20 * 1024 * 1024;
/// More entries than any real yttrande has; archives beyond it are refused unread.
pub const MAX_ENTRIES: usize = 2_000;

/// Why no case could be read from a file. `Display` gives the message for the user.
#[derive(Debug, PartialEq, Eq)]
pub enum ExtractError {
    TooLarge { bytes: u64 },
    NotZip,
    NotDocx,
    TooManyEntries { entries: usize },
    PartTooLarge { part: String },
    NoCase,
    Case(LoadError),
}

impl std::fmt::Display for ExtractError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExtractError::TooLarge { bytes } => write!(
                f,
                "Filen är för stor ({} MB). Yttra läser dokument på högst {} MB.",
                bytes.div_ceil(1024 * 1024),
                MAX_DOCX_BYTES / (1024 * 1024)
            ),
            ExtractError::NotZip => write!(
                f,
                "Filen är inget Word-dokument (DOCX): den går inte att öppna som ett zip-arkiv."
            ),
            ExtractError::NotDocx => write!(
                f,
                "Filen är ett zip-arkiv men inget Word-dokument (word/document.xml saknas)."
            ),
            ExtractError::TooManyEntries { entries } => write!(
                f,
                "Filen innehåller {entries} delar, fler än ett yttrande kan ha; den läses inte."
            ),
            ExtractError::PartTooLarge { part } => write!(
                f,
                "Delen {part} packas upp till mer än {} MB och läses inte (skydd mot zip-bomber).",
                MAX_PART_BYTES / (1024 * 1024)
            ),
            ExtractError::NoCase => write!(
                f,
                "Dokumentet innehåller inget Yttra-ärende. Det är inte skapat med Yttra, \
                 eller så har ärendet tagits bort när dokumentet sparades om."
            ),
            ExtractError::Case(error) => {
                write!(f, "Ärendet i dokumentet kunde inte läsas. {error}")
            }
        }
    }
}

impl std::error::Error for ExtractError {}

/// What a DOCX written by Yttra holds: its embedded case, and the document it was cut for.
#[derive(Clone, Debug, PartialEq)]
pub struct Extracted {
    pub case: Case,
    /// The request the document was made for; its case holds only what that document shows
    /// (`schemas::disclosure`). `None` for documents that embed the whole case.
    pub document: Option<Request>,
    /// The day the document was made, when it says.
    pub made: Option<Date>,
}

/// The case embedded in a DOCX written by Yttra.
pub fn extract_case(docx: &[u8]) -> Result<Case, ExtractError> {
    extract(docx).map(|extracted| extracted.case)
}

/// The case embedded in a DOCX written by Yttra, with the document it was cut for.
pub fn extract(docx: &[u8]) -> Result<Extracted, ExtractError> {
    let part = extract_case_part(docx)?;
    let case = load_case(&part.case_json).map_err(ExtractError::Case)?;
    // A request that cannot be read leaves the case as a whole case: merging it then replaces
    // nothing that it does not hold, since the user sees every difference before choosing.
    let document = part
        .document
        .and_then(|json| serde_json::from_str::<Request>(&json).ok());
    let made = part.made.as_deref().and_then(Date::parse);
    Ok(Extracted {
        case,
        document,
        made,
    })
}

/// The embedded case part as stored, before its case is read.
pub fn extract_case_part(docx: &[u8]) -> Result<embed::CasePart, ExtractError> {
    let bytes = docx.len() as u64;
    if bytes > MAX_DOCX_BYTES {
        return Err(ExtractError::TooLarge { bytes });
    }
    let mut archive = ZipArchive::new(Cursor::new(docx)).map_err(|_| ExtractError::NotZip)?;
    if archive.len() > MAX_ENTRIES {
        return Err(ExtractError::TooManyEntries {
            entries: archive.len(),
        });
    }
    if archive.index_for_name("word/document.xml").is_none() {
        return Err(ExtractError::NotDocx);
    }
    for name in custom_xml_items(&archive) {
        let part = read_bounded(&mut archive, &name)?;
        if let Some(found) = embed::case_from_part(&part) {
            return Ok(found);
        }
    }
    Err(ExtractError::NoCase)
}

/// The body part (`word/document.xml`) of a DOCX, bounded like every part read.
pub fn read_document_part(docx: &[u8]) -> Result<Vec<u8>, ExtractError> {
    let bytes = docx.len() as u64;
    if bytes > MAX_DOCX_BYTES {
        return Err(ExtractError::TooLarge { bytes });
    }
    let mut archive = ZipArchive::new(Cursor::new(docx)).map_err(|_| ExtractError::NotZip)?;
    if archive.index_for_name("word/document.xml").is_none() {
        return Err(ExtractError::NotDocx);
    }
    read_bounded(&mut archive, "word/document.xml")
}

/// The custom XML item parts (`customXml/item1.xml`, …), not their property or relationship
/// parts, in a stable order.
fn custom_xml_items(archive: &ZipArchive<Cursor<&[u8]>>) -> Vec<String> {
    let mut names: Vec<String> = archive
        .file_names()
        .filter(|name| {
            name.strip_prefix("customXml/item")
                .and_then(|rest| rest.strip_suffix(".xml"))
                .is_some_and(|digits| {
                    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
                })
        })
        .map(str::to_string)
        .collect();
    names.sort();
    names
}

fn read_bounded(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Vec<u8>, ExtractError> {
    let too_large = || ExtractError::PartTooLarge {
        part: name.to_string(),
    };
    let entry = archive.by_name(name).map_err(|_| ExtractError::NotZip)?;
    if entry.size() > MAX_PART_BYTES {
        return Err(too_large());
    }
    let mut part = Vec::new();
    entry
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut part)
        .map_err(|_| ExtractError::NotZip)?;
    if part.len() as u64 > MAX_PART_BYTES {
        return Err(too_large());
    }
    Ok(part)
}
