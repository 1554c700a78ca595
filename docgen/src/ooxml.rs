//! Makes docx-rs output valid against the OOXML schema (ECMA-376, transitional) and adds what
//! docx-rs cannot express.
//!
//! docx-rs 0.4.22 writes property children in its own order (`rPr` before `pStyle`, `zoom` after
//! `defaultTabStop`, `headerReference` after `pgMar`), declares `w:type` on `w:gridCol`, and
//! numbers paragraphs from a process-wide counter. Word "repairs" or refuses such files. Rather
//! than patching each builder, every part passes through here once: children are put in the
//! order of the schema's sequences, undeclared attributes are dropped, counter ids are removed,
//! and the Swedish language, the default style and table header rows are added.

use crate::xml_tree::{self, Element, Node, XmlDocument};

pub(crate) mod direct;
mod stream;

pub use crate::xml_tree::escape_content as escape_text;

/// Child order of `w:pPr` (CT_PPr).
const PARAGRAPH_PROPERTIES: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// Child order of `w:rPr` (CT_ParaRPr / CT_RPr).
const RUN_PROPERTIES: &[&str] = &[
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];

/// Child order of `w:tblPr` (CT_TblPr).
const TABLE_PROPERTIES: &[&str] = &[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
];

/// Child order of `w:tcPr` (CT_TcPr).
const CELL_PROPERTIES: &[&str] = &[
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
];

/// Child order of `w:sectPr` (CT_SectPr); header and footer references share the first place.
const SECTION_PROPERTIES: &[&[&str]] = &[
    &["w:headerReference", "w:footerReference"],
    &["w:footnotePr"],
    &["w:endnotePr"],
    &["w:type"],
    &["w:pgSz"],
    &["w:pgMar"],
    &["w:paperSrc"],
    &["w:pgBorders"],
    &["w:lnNumType"],
    &["w:pgNumType"],
    &["w:cols"],
    &["w:formProt"],
    &["w:vAlign"],
    &["w:noEndnote"],
    &["w:titlePg"],
    &["w:textDirection"],
    &["w:bidi"],
    &["w:rtlGutter"],
    &["w:docGrid"],
    &["w:printerSettings"],
    &["w:sectPrChange"],
];

/// Child order of `w:style` (CT_Style).
const STYLE: &[&str] = &[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
];

/// Child order of `w:settings` (CT_Settings), as far as documents can contain them.
const SETTINGS: &[&str] = &[
    "w:writeProtection",
    "w:view",
    "w:zoom",
    "w:removePersonalInformation",
    "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries",
    "w:displayBackgroundShape",
    "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth",
    "w:printFormsData",
    "w:embedTrueTypeFonts",
    "w:embedSystemFonts",
    "w:saveSubsetFonts",
    "w:saveFormsData",
    "w:mirrorMargins",
    "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader",
    "w:bordersDoNotSurroundFooter",
    "w:gutterAtTop",
    "w:hideSpellingErrors",
    "w:hideGrammaticalErrors",
    "w:activeWritingStyle",
    "w:proofState",
    "w:formsDesign",
    "w:attachedTemplate",
    "w:linkStyles",
    "w:stylePaneFormatFilter",
    "w:stylePaneSortMethod",
    "w:documentType",
    "w:mailMerge",
    "w:revisionView",
    "w:trackRevisions",
    "w:doNotTrackMoves",
    "w:doNotTrackFormatting",
    "w:documentProtection",
    "w:autoFormatOverride",
    "w:styleLockTheme",
    "w:styleLockQFSet",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:consecutiveHyphenLimit",
    "w:hyphenationZone",
    "w:doNotHyphenateCaps",
    "w:showEnvelope",
    "w:summaryLength",
    "w:clickAndTypeStyle",
    "w:defaultTableStyle",
    "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting",
    "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData",
    "w:noPunctuationKerning",
    "w:characterSpacingControl",
    "w:printTwoOnOne",
    "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter",
    "w:noLineBreaksBefore",
    "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml",
    "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving",
    "w:saveThroughXslt",
    "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace",
    "w:updateFields",
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
];

/// Border children (CT_TblBorders, CT_TcBorders, CT_PBdr) and margins (CT_TblCellMar).
const BORDERS: &[&[&str]] = &[
    &["w:top"],
    &["w:left", "w:start"],
    &["w:bottom"],
    &["w:right", "w:end"],
    &["w:insideH", "w:between"],
    &["w:insideV", "w:bar"],
    &["w:tl2br"],
    &["w:tr2bl"],
];

/// Containers whose property element must come first, before their content.
const PROPERTIES_FIRST: &[(&str, &[&str])] = &[
    ("w:p", &["w:pPr"]),
    ("w:r", &["w:rPr"]),
    ("w:tbl", &["w:tblPr", "w:tblGrid"]),
    ("w:tr", &["w:tblPrEx", "w:trPr"]),
    ("w:tc", &["w:tcPr"]),
    ("w:styles", &["w:docDefaults", "w:latentStyles"]),
    ("w:docDefaults", &["w:rPrDefault", "w:pPrDefault"]),
];

/// Parts docx-rs always renders but no Yttra document uses; the package leaves them out.
pub const UNUSED_PARTS: &[&str] = &[
    "comments.xml",
    "commentsExtended.xml",
    "numbering.xml",
    "footnotes.xml",
];

/// The language of every Yttra document.
pub const LANGUAGE: &str = "sv-SE";

/// Rewrites one package part so it is schema-valid. Parts that are not XML pass unchanged.
pub fn normalise_part(path: &str, bytes: &[u8]) -> Result<Vec<u8>, String> {
    if !(path.ends_with(".xml") || path.ends_with(".rels")) {
        return Ok(bytes.to_vec());
    }
    // The large parts in one pass; anything it does not expect goes the tree's way, which
    // gives the same bytes. Every test build checks that on every document it makes.
    if stream::is_streamed(path) {
        if let Some(normalised) = stream::normalise(path, bytes) {
            debug_assert_eq!(
                Ok(&normalised),
                normalise_part_as_tree(path, bytes).as_ref(),
                "the one-pass normaliser and the tree's differ on {path}"
            );
            return Ok(normalised.into_bytes());
        }
    }
    normalise_part_as_tree(path, bytes).map(String::into_bytes)
}

/// The tree normaliser alone (what `normalise_part` falls back to); public for the benchmark
/// that compares the two.
pub fn normalise_part_as_tree(path: &str, bytes: &[u8]) -> Result<String, String> {
    let mut document = xml_tree::parse(bytes).map_err(|e| e.to_string())?;
    normalise_document(path, &mut document);
    Ok(xml_tree::write(&document))
}

/// The fixes for one parsed part; public so golden tests can normalise the same way.
pub fn normalise_document(path: &str, document: &mut XmlDocument) {
    let is_body = path == "word/document.xml";
    if is_body {
        name_anchors(&mut document.root);
    }
    document.root.walk_mut(&mut |element| {
        if is_body && element.name == "w:tbl" {
            mark_header_row(element);
        }
        normalise_element(element);
    });
    match path {
        "word/styles.xml" => {
            set_document_language(&mut document.root);
            mark_default_paragraph_style(&mut document.root);
        }
        "word/settings.xml" => set_theme_font_language(&mut document.root),
        "[Content_Types].xml" => drop_unused(&mut document.root, "Override", "PartName", "/word/"),
        "word/_rels/document.xml.rels" => {
            drop_unused(&mut document.root, "Relationship", "Target", "")
        }
        _ => {}
    }
    // The additions above may have appended children; put them in schema order too.
    document
        .root
        .walk_mut(&mut |element| order_children(element));
}

/// Names every field anchor (see `blocks::anchored`) and numbers all bookmarks, in document
/// order: `Y2l_R1_stance` for the second place a field is shown. Word bookmark names must be
/// unique, start with a letter and hold only letters, digits and `_`, and docx-rs cannot number
/// bookmarks, so both are done here.
pub fn name_anchors(root: &mut Element) {
    let mut anchors = Anchors::default();
    root.walk_mut(&mut |element| anchors.visit(element));
}

/// The numbering of [`name_anchors`], one element at a time in document order.
#[derive(Default)]
pub(crate) struct Anchors {
    places: std::collections::HashMap<String, u32>,
    bookmark_id: usize,
}

impl Anchors {
    pub(crate) fn visit(&mut self, element: &mut Element) {
        match element.name.as_ref() {
            "w:bookmarkStart" => {
                let id = self.start_bookmark();
                element.set_attribute("w:id", &id.to_string());
                let name = element.attribute("w:name").and_then(|name| {
                    let mut anchor = String::new();
                    self.write_anchor_name(name, &mut anchor).then_some(anchor)
                });
                if let Some(name) = name {
                    element.set_attribute("w:name", &name);
                }
            }
            // Every Yttra bookmark is collapsed: its end follows its start.
            "w:bookmarkEnd" => element.set_attribute("w:id", &self.bookmark_id.to_string()),
            _ => {}
        }
    }

    /// A collapsed bookmark named `name`, numbered and named as `visit` does it and written as
    /// the compact writer writes it. The caller has checked that `name` needs no escaping.
    pub(crate) fn write_collapsed(&mut self, name: &str, out: &mut String) {
        let id = self.start_bookmark().to_string();
        out.push_str(r#"<w:bookmarkStart w:id=""#);
        out.push_str(&id);
        out.push_str(r#"" w:name=""#);
        if !self.write_anchor_name(name, out) {
            out.push_str(name);
        }
        out.push_str(r#""/><w:bookmarkEnd w:id=""#);
        out.push_str(&id);
        out.push_str(r#""/>"#);
    }

    fn start_bookmark(&mut self) -> usize {
        self.bookmark_id += 1;
        self.bookmark_id
    }

    /// Writes an anchor's placeholder name (`Yttra:mode:key`) as its bookmark's name: `Y`, the
    /// how manyth place this is for the same mode and key, the mode and the key. False, and
    /// nothing written, for any other name.
    fn write_anchor_name(&mut self, name: &str, out: &mut String) -> bool {
        let Some(anchor) = name.strip_prefix(crate::blocks::ANCHOR_PLACEHOLDER_PREFIX) else {
            return false;
        };
        let Some((mode, key)) = anchor.split_once(':') else {
            return false;
        };
        let place = match self.places.get_mut(anchor) {
            Some(place) => {
                *place += 1;
                *place
            }
            None => {
                self.places.insert(anchor.to_string(), 1);
                1
            }
        };
        out.push('Y');
        out.push_str(&place.to_string());
        out.push_str(mode);
        out.push('_');
        out.push_str(key);
        true
    }
}

/// The element's own fixes and its children's order, for every element of a subtree (as
/// [`normalise_document`] does for a part with no part-specific fixes).
pub(crate) fn normalise_subtree(element: &mut Element) {
    element.walk_mut(&mut normalise_element);
    element.walk_mut(&mut |element| order_children(element));
}

fn normalise_element(element: &mut Element) {
    normalise_attributes(element);
    // Paragraph properties of styles and defaults (CT_PPrGeneral) have no run properties;
    // docx-rs writes an empty `w:rPr` there.
    if element.name == "w:style" || element.name == "w:pPrDefault" {
        if let Some(paragraph_properties) = element.first_child_mut("w:pPr") {
            paragraph_properties.children.retain(
                |node| !matches!(node, Node::Element(e) if e.name == "w:rPr" && e.children.is_empty()),
            );
        }
    }
    order_children(element);
}

/// The attributes docx-rs writes that must go.
pub(crate) fn normalise_attributes(element: &mut Element) {
    // A process-wide counter in docx-rs, so the same case would give different bytes; Word
    // assigns its own paragraph ids when it needs them.
    if element.name == "w:p" {
        element.remove_attribute("w14:paraId");
        element.remove_attribute("w14:textId");
    }
    // Not declared on CT_TblGridCol; the width alone is valid.
    if element.name == "w:gridCol" {
        element.remove_attribute("w:type");
    }
}

/// How the children of one kind of element are ordered.
enum Sequence {
    /// Each name has its own place.
    Flat(&'static [&'static str]),
    /// Names in one group share a place (an `xsd:choice` inside the sequence).
    Grouped(&'static [&'static [&'static str]]),
}

impl Sequence {
    fn of(element_name: &str) -> Option<Sequence> {
        // Every sequenced element is in the w: namespace; most elements are runs and text.
        if !element_name.starts_with("w:") || element_name == "w:t" {
            return None;
        }
        let sequence = match element_name {
            "w:pPr" => Sequence::Flat(PARAGRAPH_PROPERTIES),
            "w:rPr" => Sequence::Flat(RUN_PROPERTIES),
            "w:tblPr" => Sequence::Flat(TABLE_PROPERTIES),
            "w:tcPr" => Sequence::Flat(CELL_PROPERTIES),
            "w:sectPr" => Sequence::Grouped(SECTION_PROPERTIES),
            "w:style" => Sequence::Flat(STYLE),
            "w:settings" => Sequence::Flat(SETTINGS),
            "w:tblBorders" | "w:tcBorders" | "w:pBdr" | "w:tblCellMar" | "w:tcMar" => {
                Sequence::Grouped(BORDERS)
            }
            other => PROPERTIES_FIRST
                .iter()
                .find(|(container, _)| *container == other)
                .map(|(_, first)| Sequence::Flat(first))?,
        };
        Some(sequence)
    }

    /// The place of a child; unknown children and text go last, in their original order.
    fn rank(&self, node: &Node) -> usize {
        match node {
            Node::Element(child) => self.rank_of(&child.name),
            _ => usize::MAX,
        }
    }

    fn rank_of(&self, name: &str) -> usize {
        match self {
            Sequence::Flat(order) => order
                .iter()
                .position(|known| *known == name)
                .unwrap_or(order.len()),
            Sequence::Grouped(order) => order
                .iter()
                .position(|group| group.contains(&name))
                .unwrap_or(order.len()),
        }
    }
}

/// Whether `name`'s children have a schema order.
pub(crate) fn has_sequence(name: &str) -> bool {
    Sequence::of(name).is_some()
}

/// Whether `name` holds content after its properties (paragraph, run, table, row, cell), as
/// opposed to a property element, whose children are all properties.
pub(crate) fn is_container(name: &str) -> bool {
    PROPERTIES_FIRST
        .iter()
        .any(|(container, _)| *container == name)
}

/// The place of a child called `child` (text: `None`) in `container`'s order, if it has one.
pub(crate) fn child_rank(container: &str, child: Option<&str>) -> Option<usize> {
    let sequence = Sequence::of(container)?;
    Some(child.map_or(usize::MAX, |name| sequence.rank_of(name)))
}

fn order_children(element: &mut Element) {
    let Some(sequence) = Sequence::of(&element.name) else {
        return;
    };
    // Most elements are already in order; checking first avoids the sort's allocation.
    if element
        .children
        .is_sorted_by_key(|node| sequence.rank(node))
    {
        return;
    }
    // A stable sort: content of equal rank (runs, rows, cells) keeps its order.
    element.children.sort_by_key(|node| sequence.rank(node));
}

/// Every Yttra table starts with a header row; marking it lets Word repeat it on each page and
/// lets screen readers announce the column names. Called before the walk reaches the rows, so
/// the walk then puts the new row properties in their place.
fn mark_header_row(table: &mut Element) {
    if let Some(first_row) = table.first_child_mut("w:tr") {
        mark_header_row_properties(first_row.child_or_insert("w:trPr"));
    }
}

/// The marks of a header row in its properties (`w:trPr`).
pub(crate) fn mark_header_row_properties(row_properties: &mut Element) {
    row_properties.child_or_insert("w:cantSplit");
    row_properties.child_or_insert("w:tblHeader");
}

fn set_document_language(styles: &mut Element) {
    let defaults = styles.child_or_insert("w:docDefaults");
    let run_defaults = defaults
        .child_or_insert("w:rPrDefault")
        .child_or_insert("w:rPr");
    *run_defaults.child_or_insert("w:lang") = Element::new("w:lang")
        .with_attribute("w:val", LANGUAGE)
        .with_attribute("w:eastAsia", LANGUAGE)
        .with_attribute("w:bidi", "ar-SA");
    order_children(run_defaults);
    order_children(defaults);
    order_children(styles);
}

/// docx-rs writes "Normal" without `w:default`, so Word would not treat it as the base style.
fn mark_default_paragraph_style(styles: &mut Element) {
    if let Some(normal) = styles
        .child_elements_mut()
        .find(|style| style.name == "w:style" && style.attribute("w:styleId") == Some("Normal"))
    {
        normal.set_attribute("w:default", "1");
    }
}

/// Removes the content types or relationships of the parts in [`UNUSED_PARTS`].
fn drop_unused(root: &mut Element, entry: &str, attribute: &str, prefix: &str) {
    root.children.retain(|node| match node {
        Node::Element(element) if element.name == entry => {
            let target = element.attribute(attribute).unwrap_or_default();
            !UNUSED_PARTS
                .iter()
                .any(|part| target == format!("{prefix}{part}"))
        }
        _ => true,
    });
}

fn set_theme_font_language(settings: &mut Element) {
    *settings.child_or_insert("w:themeFontLang") =
        Element::new("w:themeFontLang").with_attribute("w:val", LANGUAGE);
    order_children(settings);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalised(path: &str, xml: &str) -> String {
        let bytes = normalise_part(path, xml.as_bytes()).expect("valid xml");
        String::from_utf8(bytes).expect("utf-8")
    }

    #[test]
    fn paragraph_properties_follow_the_schema_order() {
        let xml = r#"<w:p w14:paraId="00000004"><w:pPr><w:rPr/><w:keepNext/><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>x</w:t><w:rPr><w:sz w:val="1"/><w:b/></w:rPr></w:r></w:p>"#;
        assert_eq!(
            normalised("word/header1.xml", xml),
            r#"<w:p><w:pPr><w:pStyle w:val="Title"/><w:keepNext/><w:rPr/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="1"/></w:rPr><w:t>x</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn grid_columns_lose_the_undeclared_type() {
        let xml = r#"<w:tblGrid><w:gridCol w:w="100" w:type="dxa"/></w:tblGrid>"#;
        assert_eq!(
            normalised("word/document.xml", xml),
            r#"<w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>"#
        );
    }

    #[test]
    fn the_first_row_of_every_table_becomes_a_header_row() {
        let xml =
            r#"<w:body><w:tbl><w:tblPr/><w:tr><w:tc/></w:tr><w:tr><w:tc/></w:tr></w:tbl></w:body>"#;
        assert_eq!(
            normalised("word/document.xml", xml),
            r#"<w:body><w:tbl><w:tblPr/><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc/></w:tr><w:tr><w:tc/></w:tr></w:tbl></w:body>"#
        );
    }

    #[test]
    fn styles_get_the_swedish_language_and_a_default_style() {
        let xml = r#"<w:styles><w:style w:styleId="Normal"><w:rPr/><w:name w:val="Normal"/></w:style><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/><w:rFonts w:ascii="Arial"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#;
        assert_eq!(
            normalised("word/styles.xml", xml),
            r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial"/><w:sz w:val="22"/><w:lang w:val="sv-SE" w:eastAsia="sv-SE" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:rPr/></w:style></w:styles>"#
        );
    }

    #[test]
    fn section_properties_put_references_first() {
        let xml = r#"<w:sectPr><w:pgSz/><w:pgMar/><w:headerReference/><w:cols/><w:footerReference/></w:sectPr>"#;
        assert_eq!(
            normalised("word/document.xml", xml),
            r#"<w:sectPr><w:headerReference/><w:footerReference/><w:pgSz/><w:pgMar/><w:cols/></w:sectPr>"#
        );
    }

    #[test]
    fn non_xml_parts_pass_unchanged() {
        assert_eq!(
            normalise_part("word/media/a.png", b"\x89PNG").expect("passes"),
            b"\x89PNG"
        );
    }
}
