//! Turns a built document into DOCX bytes: embeds the case, writes the core properties, puts
//! every XML part through the OOXML normaliser (or merges them into the municipality's template)
//! and packs the parts as a deflated zip.
//!
//! docx-rs renders the parts; this module owns the package so that the output is compressed,
//! schema-valid and byte-for-byte the same for the same input (fixed part order, fixed zip
//! timestamps, no counters or clocks).

use std::io::{Cursor, Write};

use docx_rs::{Docx, XMLDocx};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::chart::{self, BarChart};
use crate::content::Document;
use crate::embed;
use crate::ooxml;
use crate::template::{self, FieldValues, Template};
use crate::xml_tree;

/// The datastore id of the embedded case part. Fixed, so output stays deterministic and
/// readers can recognise the part by id as well as by its XML namespace.
pub const CASE_ITEM_ID: &str = "6E1B5A3C-0D2F-4C8B-9A71-59C0A7D2E8F4";

/// A placeholder for the custom part: docx-rs re-serialises custom XML without escaping, so the
/// real content replaces it after `build()`.
const CASE_ITEM_PLACEHOLDER: &str = r#"<case xmlns="urn:yttra:case"/>"#;

/// Where the case part stands: it is the first (and only) custom XML item (`named_parts`).
const CASE_PART: &str = "customXml/item1.xml";

/// What the document says about itself (title, subject), also written to its properties.
pub struct DocumentInfo {
    pub title: String,
    pub subject: String,
    pub author: String,
    pub date: schemas::Date,
    /// The charts the body's placeholders stand for, in order (see `chart`).
    pub charts: Vec<BarChart>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct PackageError(pub String);

impl std::fmt::Display for PackageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Dokumentet kunde inte packas: {}", self.0)
    }
}

impl std::error::Error for PackageError {}

/// Packs a document with the case JSON embedded; `document` is the request (JSON) the case was
/// cut for and the day it was made on. With a template, the document is written into it (see
/// `template`) and its fields are filled with `values`.
pub fn pack(
    content: Document,
    info: &DocumentInfo,
    case_json: &str,
    document: (&str, &str),
    template: Option<(&Template, &FieldValues)>,
) -> Result<Vec<u8>, PackageError> {
    // The body's content written directly when it can be (see `ooxml::direct`); docx-rs then
    // renders the other parts and a body holding only its section properties. Charts are
    // placed into docx-rs's rendering, so a body with charts is rendered whole.
    let direct = if info.charts.is_empty() {
        ooxml::direct::body_children(&content.body)
    } else {
        None
    };
    // Test builds make the document the whole way too and compare the two.
    #[cfg(debug_assertions)]
    let whole = direct
        .is_some()
        .then(|| with_case_item(content.clone().into_docx()));
    let docx = match direct {
        Some(_) => content.frame,
        None => content.into_docx(),
    };
    let parts = rendered_parts(with_case_item(docx), info, case_json, document)?;
    let parts = match template {
        None => normalised(parts, direct.as_deref())?,
        Some((template, values)) => in_template(parts, template, values, direct.as_deref())?,
    };
    #[cfg(debug_assertions)]
    if let Some(whole) = whole {
        assert_same_as_rendered_whole(&parts, whole, info, case_json, document, template)?;
    }
    write_zip(parts)
}

/// The document with a custom part for the case, which `rendered_parts` fills.
fn with_case_item(docx: Docx) -> Docx {
    docx.add_custom_item(CASE_ITEM_ID, CASE_ITEM_PLACEHOLDER)
}

/// In test builds: the parts made with the body written directly are the ones docx-rs's
/// rendering of the whole document gives, normalised.
#[cfg(debug_assertions)]
fn assert_same_as_rendered_whole(
    parts: &[(String, Vec<u8>)],
    whole: Docx,
    info: &DocumentInfo,
    case_json: &str,
    document: (&str, &str),
    template: Option<(&Template, &FieldValues)>,
) -> Result<(), PackageError> {
    let rendered = rendered_parts(whole, info, case_json, document)?;
    let expected = match template {
        None => normalised(rendered, None)?,
        Some((template, values)) => in_template(rendered, template, values, None)?,
    };
    let paths = |parts: &[(String, Vec<u8>)]| {
        parts
            .iter()
            .map(|(path, _)| path.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(paths(parts), paths(&expected), "the package's parts");
    for ((path, bytes), (_, expected)) in parts.iter().zip(&expected) {
        assert!(
            bytes == expected,
            "{path}: written directly, it differs from docx-rs's rendering, normalised"
        );
    }
    Ok(())
}

/// docx-rs's rendering of every part, with the case and core properties Yttra writes itself
/// and the charts in place, before normalising.
fn rendered_parts(
    docx: Docx,
    info: &DocumentInfo,
    case_json: &str,
    document: (&str, &str),
) -> Result<Vec<(String, Vec<u8>)>, PackageError> {
    let mut parts = docx.build();
    if let Some(item) = parts.custom_items.first_mut() {
        *item = embed::case_part_xml(case_json, Some(document)).into_bytes();
    }
    parts.doc_props.core = core_properties(info).into_bytes();
    if !info.charts.is_empty() {
        parts.document = with_charts(&parts.document, &info.charts)?;
    }
    let mut parts = named_parts(parts);
    add_chart_parts(&mut parts, &info.charts);
    Ok(parts)
}

/// The body with each chart placeholder replaced by its chart's drawing.
fn with_charts(body: &[u8], charts: &[BarChart]) -> Result<Vec<u8>, PackageError> {
    let mut document = xml_tree::parse(body).map_err(|e| PackageError(e.to_string()))?;
    let placed = chart::place(&mut document.root, charts);
    if placed != charts.len() {
        return Err(PackageError(format!(
            "{placed} av {} diagram fick plats i dokumentet",
            charts.len()
        )));
    }
    Ok(xml_tree::write(&document).into_bytes())
}

/// Each chart's part, its relationship from the body and its content type.
fn add_chart_parts(parts: &mut Vec<(String, Vec<u8>)>, charts: &[BarChart]) {
    for (index, bar_chart) in charts.iter().enumerate() {
        let n = index + 1;
        let path = chart::part_path(n);
        for (part, closing, addition) in [
            (
                "[Content_Types].xml",
                "</Types>",
                format!(
                    r#"<Override PartName="/{path}" ContentType="{}"/>"#,
                    chart::CONTENT_TYPE
                ),
            ),
            (
                "word/_rels/document.xml.rels",
                "</Relationships>",
                format!(
                    r#"<Relationship Id="{}" Type="{}" Target="{}"/>"#,
                    chart::relationship_id(n),
                    chart::RELATIONSHIP,
                    path.trim_start_matches("word/")
                ),
            ),
        ] {
            if let Some((_, bytes)) = parts.iter_mut().find(|(name, _)| name == part) {
                *bytes = insert_before_closing_tag(bytes, closing, &addition);
            }
        }
        parts.push((path, bar_chart.part_xml().into_bytes()));
    }
}

/// Every part through the OOXML normaliser; `direct` is the body's content written directly,
/// which goes into the body docx-rs rendered without it.
fn normalised(
    parts: Vec<(String, Vec<u8>)>,
    direct: Option<&str>,
) -> Result<Vec<(String, Vec<u8>)>, PackageError> {
    parts
        .into_iter()
        .map(|(path, bytes)| {
            let mut bytes = if is_written_case_part(&path, &bytes) {
                bytes
            } else {
                ooxml::normalise_part(&path, &bytes)
                    .map_err(|e| PackageError(format!("{path}: {e}")))?
            };
            if path == template::MAIN_PART {
                if let Some(children) = direct {
                    bytes = with_body_children(bytes, children)?;
                }
            }
            Ok((path, bytes))
        })
        .collect()
}

/// Whether this is the case part [`rendered_parts`] put in. `embed::case_part_xml` writes it in
/// the normal form, so normalising it (parsing and writing 150 KB in a large case) would give
/// the same bytes back; every debug build checks that.
fn is_written_case_part(path: &str, bytes: &[u8]) -> bool {
    let written = path == CASE_PART && embed::is_written_case_part(bytes);
    debug_assert!(
        !written || ooxml::normalise_part(path, bytes).as_deref() == Ok(bytes),
        "the case part is not in the normal form"
    );
    written
}

/// The normalised body without content, with the directly written content put in.
fn with_body_children(empty_body: Vec<u8>, children: &str) -> Result<Vec<u8>, PackageError> {
    std::str::from_utf8(&empty_body)
        .ok()
        .and_then(|body| ooxml::direct::splice(body, children))
        .map(String::into_bytes)
        .ok_or_else(|| PackageError("brödtexten kunde inte sättas in".into()))
}

/// Yttra's parts normalised, then merged into the template. The body is handed over parsed.
fn in_template(
    parts: Vec<(String, Vec<u8>)>,
    template: &Template,
    values: &FieldValues,
    direct: Option<&str>,
) -> Result<Vec<(String, Vec<u8>)>, PackageError> {
    let (body, others): (Vec<_>, Vec<_>) = parts
        .into_iter()
        .partition(|(path, _)| path == template::MAIN_PART);
    let others = normalised(others, None)?;
    let body_bytes = body
        .into_iter()
        .next()
        .map(|(_, bytes)| bytes)
        .ok_or_else(|| PackageError("brödtexten saknas".into()))?;
    // Normalised in one pass, then read as the tree the merge works on: faster than
    // normalising the tree itself (see `ooxml::stream`). A body written directly (never one
    // with charts) is handed over as text beside its frame, so that it is not read into a tree
    // at all (see `template::written`).
    let body_bytes = ooxml::normalise_part(template::MAIN_PART, &body_bytes)
        .map_err(|e| PackageError(format!("{}: {e}", template::MAIN_PART)))?;
    let body = xml_tree::parse(&body_bytes).map_err(|e| PackageError(e.to_string()))?;
    let (merged, _) =
        template::merge(template, body, direct, &others, values).map_err(PackageError)?;
    Ok(merged)
}

/// Word requires a theme part and docx-rs writes none.
const THEME_PART: &str = "word/theme/theme1.xml";
const THEME_XML: &str = include_str!("theme1.xml");

/// Every part with its path inside the package, in a fixed order. docx-rs also renders
/// comments, footnotes and numbering parts that nothing in a Yttra document refers to; they are
/// left out, together with their content types and relationships (see `ooxml::UNUSED_PARTS`).
fn named_parts(parts: XMLDocx) -> Vec<(String, Vec<u8>)> {
    let mut named = vec![
        (
            "[Content_Types].xml".to_string(),
            with_theme_content_type(&parts.content_type),
        ),
        ("_rels/.rels".to_string(), parts.rels),
        ("docProps/app.xml".to_string(), parts.doc_props.app),
        ("docProps/core.xml".to_string(), parts.doc_props.core),
        ("docProps/custom.xml".to_string(), parts.doc_props.custom),
        (
            "word/_rels/document.xml.rels".to_string(),
            with_theme_relationship(&parts.document_rels),
        ),
        ("word/document.xml".to_string(), parts.document),
        ("word/styles.xml".to_string(), parts.styles),
        ("word/settings.xml".to_string(), parts.settings),
        ("word/fontTable.xml".to_string(), parts.font_table),
        (THEME_PART.to_string(), THEME_XML.as_bytes().to_vec()),
    ];
    // docx-rs renders relationship parts for headers and footers that do not exist, and empty
    // ones for those that do; only relationships that point somewhere are kept.
    for (index, (header, rels)) in parts.headers.into_iter().zip(parts.header_rels).enumerate() {
        let n = index + 1;
        named.push((format!("word/header{n}.xml"), header));
        if has_relationships(&rels) {
            named.push((format!("word/_rels/header{n}.xml.rels"), rels));
        }
    }
    for (index, (footer, rels)) in parts.footers.into_iter().zip(parts.footer_rels).enumerate() {
        let n = index + 1;
        named.push((format!("word/footer{n}.xml"), footer));
        if has_relationships(&rels) {
            named.push((format!("word/_rels/footer{n}.xml.rels"), rels));
        }
    }
    let custom = parts
        .custom_items
        .into_iter()
        .zip(parts.custom_item_rels)
        .zip(parts.custom_item_props);
    for (index, ((item, rels), props)) in custom.enumerate() {
        let n = index + 1;
        named.push((format!("customXml/item{n}.xml"), item));
        named.push((format!("customXml/_rels/item{n}.xml.rels"), rels));
        named.push((format!("customXml/itemProps{n}.xml"), props));
    }
    named
}

fn has_relationships(rels: &[u8]) -> bool {
    String::from_utf8_lossy(rels).contains("<Relationship ")
}

fn with_theme_content_type(content_types: &[u8]) -> Vec<u8> {
    insert_before_closing_tag(
        content_types,
        "</Types>",
        r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>"#,
    )
}

fn with_theme_relationship(relationships: &[u8]) -> Vec<u8> {
    insert_before_closing_tag(
        relationships,
        "</Relationships>",
        r#"<Relationship Id="rIdTheme1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>"#,
    )
}

fn insert_before_closing_tag(xml: &[u8], closing: &str, addition: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    match text.rfind(closing) {
        Some(at) => format!("{}{addition}{}", &text[..at], &text[at..]).into_bytes(),
        None => xml.to_vec(),
    }
}

fn write_zip(parts: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, PackageError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    // The default timestamp is 1980-01-01 (no clock is read), which keeps output reproducible.
    // Level 2 (zlib-rs's fast strategy): the large yttrande's 509 KB body deflates in 1.6 ms
    // to 52 KB, against 2.4 ms and 48 KB at level 3 and 0.9 ms and 67 KB at level 1.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(2));
    for (path, bytes) in parts {
        // A template's pictures are compressed already; deflating them again costs time and
        // gains nothing.
        let options = if is_compressed_picture(&path) {
            options
                .compression_method(CompressionMethod::Stored)
                .compression_level(None)
        } else {
            options
        };
        zip.start_file(path.as_str(), options)
            .map_err(|e| PackageError(e.to_string()))?;
        zip.write_all(&bytes)
            .map_err(|e| PackageError(e.to_string()))?;
    }
    let cursor = zip.finish().map_err(|e| PackageError(e.to_string()))?;
    Ok(cursor.into_inner())
}

fn is_compressed_picture(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".png", ".jpg", ".jpeg", ".gif"]
        .iter()
        .any(|extension| lower.ends_with(extension))
}

/// Core properties (title, subject, author, language, dates) as Dublin Core XML. The dates are
/// the document's own date, never the clock, so the same case gives the same bytes.
fn core_properties(info: &DocumentInfo) -> String {
    let timestamp = format!("{}T00:00:00Z", info.date);
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title>",
            "<dc:subject>{subject}</dc:subject>",
            "<dc:creator>{author}</dc:creator>",
            "<dc:language>sv-SE</dc:language>",
            "<cp:lastModifiedBy>{author}</cp:lastModifiedBy>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{timestamp}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{timestamp}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = ooxml::escape_text(&info.title),
        subject = ooxml::escape_text(&info.subject),
        author = ooxml::escape_text(&info.author),
        timestamp = timestamp,
    )
}
