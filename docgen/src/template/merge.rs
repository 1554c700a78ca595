//! Writes a Yttra document into a template: the template's package stays whole (every part,
//! relationship and content type it has), Yttra's content goes into its body, Yttra's styles
//! are matched to its own, its fields are filled, and Yttra's embedded case, properties and
//! (when the template has none) header are added under names and ids the template does not use.

use std::borrow::Cow;

use schemas::template::{Placement, TemplateSummary};

use super::fill::{self, FieldValues, FillReport};
use super::parts;
use super::styles::{self, StyleMap};
use super::written;
use super::{Template, MAIN_PART};
use crate::read_back::{CONTENT_END, CONTENT_START};
use crate::xml_tree::{self, Element, Node, XmlDocument};

const DOCUMENT_RELS: &str = "word/_rels/document.xml.rels";
const CONTENT_TYPES: &str = "[Content_Types].xml";
const PACKAGE_RELS: &str = "_rels/.rels";
const DOCUMENT_MAIN: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const HEADER_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
const STYLES_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
const THEME_TYPE: &str = "application/vnd.openxmlformats-officedocument.theme+xml";
const CUSTOM_ITEM_PROPS_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const CORE_TYPE: &str = "application/vnd.openxmlformats-package.core-properties+xml";
const APP_TYPE: &str = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
const RELS_TYPE: &str = "application/vnd.openxmlformats-package.relationships+xml";

/// One part while the package is merged: as read, or parsed to be changed.
enum Part<'a> {
    Bytes(Cow<'a, [u8]>),
    Xml(XmlDocument<'a>),
}

/// The merged package, in the template's part order with Yttra's parts after.
struct Package<'a> {
    parts: Vec<(String, Part<'a>)>,
    /// Yttra's content as text, written where the body holds [`written::PLACEHOLDER`].
    written_content: Option<String>,
}

impl<'a> Package<'a> {
    fn of(template: &'a Template) -> Package<'a> {
        Package {
            parts: template
                .parts()
                .iter()
                .map(|(path, bytes)| (path.clone(), Part::Bytes(Cow::Borrowed(bytes.as_slice()))))
                .collect(),
            written_content: None,
        }
    }

    fn has(&self, path: &str) -> bool {
        self.parts.iter().any(|(name, _)| name == path)
    }

    /// A part parsed for changing; `None` when the package does not have it.
    fn xml(&mut self, path: &str) -> Result<Option<&mut XmlDocument<'a>>, String> {
        let Some(index) = self.parts.iter().position(|(name, _)| name == path) else {
            return Ok(None);
        };
        let part = &mut self.parts[index].1;
        if let Part::Bytes(bytes) = part {
            let Cow::Borrowed(bytes) = *bytes else {
                return Err(format!("{path} lades till och kan inte ändras"));
            };
            let document = xml_tree::parse(bytes)
                .map_err(|error| format!("mallens del {path} kunde inte läsas ({error})"))?;
            *part = Part::Xml(document);
        }
        match part {
            Part::Xml(document) => Ok(Some(document)),
            Part::Bytes(_) => unreachable!("parsed above"),
        }
    }

    /// A part parsed for changing, made from `empty` when missing.
    fn xml_or(
        &mut self,
        path: &str,
        empty: impl FnOnce() -> Element<'a>,
    ) -> Result<&mut XmlDocument<'a>, String> {
        if !self.has(path) {
            self.put(
                path,
                Part::Xml(XmlDocument {
                    declaration: Some(XML_DECLARATION.to_string()),
                    root: empty(),
                }),
            );
        }
        Ok(self.xml(path)?.expect("added above"))
    }

    fn put(&mut self, path: &str, part: Part<'a>) {
        match self.parts.iter_mut().find(|(name, _)| name == path) {
            Some((_, existing)) => *existing = part,
            None => self.parts.push((path.to_string(), part)),
        }
    }

    fn put_bytes(&mut self, path: &str, bytes: &'a [u8]) {
        self.put(path, Part::Bytes(Cow::Borrowed(bytes)));
    }

    fn remove(&mut self, path: &str) {
        self.parts.retain(|(name, _)| name != path);
    }

    /// The parts as bytes, the content types first (as Word writes them).
    fn into_parts(self) -> Result<Vec<(String, Vec<u8>)>, String> {
        let mut written_content = self.written_content;
        let mut parts = Vec::with_capacity(self.parts.len());
        for (path, part) in self.parts {
            let bytes = match part {
                Part::Bytes(bytes) => bytes.into_owned(),
                Part::Xml(document) => {
                    let mut xml = xml_tree::write(&document);
                    if path == MAIN_PART {
                        if let Some(content) = written_content.take() {
                            xml = with_written_content(&xml, &content)?;
                        }
                    }
                    xml.into_bytes()
                }
            };
            parts.push((path, bytes));
        }
        if written_content.is_some() {
            return Err("Yttras text fick ingen plats i mallen".into());
        }
        if let Some(index) = parts.iter().position(|(path, _)| path == CONTENT_TYPES) {
            let types = parts.remove(index);
            parts.insert(0, types);
        }
        Ok(parts)
    }
}

/// The written body with Yttra's content where its placeholder is. A template whose body
/// holds the placeholder's text itself (in a comment, say) is refused rather than filled at
/// the wrong place.
fn with_written_content(body: &str, content: &str) -> Result<String, String> {
    let placeholder = format!("<{}/>", written::PLACEHOLDER);
    let mut found = body.match_indices(&placeholder).map(|(at, _)| at);
    let (Some(at), None) = (found.next(), found.next()) else {
        return Err(format!(
            "Yttras text fick ingen plats i mallen: mallens brödtext innehåller {placeholder}"
        ));
    };
    let mut out = String::with_capacity(body.len() + content.len());
    out.push_str(&body[..at]);
    out.push_str(content);
    out.push_str(&body[at + placeholder.len()..]);
    Ok(out)
}

const XML_DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// Yttra's other parts (normalised bytes by path), for what the merge takes from them.
struct YttraParts<'a>(&'a [(String, Vec<u8>)]);

impl<'a> YttraParts<'a> {
    fn get(&self, path: &str) -> Result<&'a [u8], String> {
        self.0
            .iter()
            .find(|(name, _)| name == path)
            .map(|(_, bytes)| bytes.as_slice())
            .ok_or_else(|| format!("Yttras del {path} saknas"))
    }

    fn parse(&self, path: &str) -> Result<XmlDocument<'a>, String> {
        xml_tree::parse(self.get(path)?).map_err(|error| format!("{path}: {error}"))
    }
}

/// A package's parts, by path.
pub type PackageParts = Vec<(String, Vec<u8>)>;

/// What a merge did that the user should know, beside the fields it filled.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub fields: FillReport,
    pub placement: Option<Placement>,
    pub notes: Vec<String>,
}

/// Writes Yttra's document (its normalised body `document` and its other normalised `parts`)
/// into `template`, filling the template's fields with `values`. Returns the package's parts.
pub(crate) fn merge<'a>(
    template: &'a Template,
    document: XmlDocument<'a>,
    written: Option<&str>,
    parts: &'a [(String, Vec<u8>)],
    values: &FieldValues,
) -> Result<(PackageParts, MergeReport), String> {
    let yttra = YttraParts(parts);
    let mut package = Package::of(template);
    let mut report = MergeReport::default();
    drop_template_leftovers(&mut package)?;
    // A body Yttra's text replaces shows none of its fields.
    let body_stays = package
        .xml(MAIN_PART)?
        .and_then(|document| document.root.first_child("w:body"))
        .is_some_and(|body| super::slot_of(body).placement != Placement::ReplacesBody);
    let title_shown = fill_stories(&mut package, values, &mut report.fields, body_stays)?;
    let style_map = merge_styles(&mut package, template, &yttra)?;
    if let Some(body) = package.xml(MAIN_PART)? {
        declare_namespaces(&mut body.root, &document.root);
    }
    let (mut content, section) = take_content(document);
    if title_shown {
        drop_title(&mut content);
    }
    add_charts(&mut package, &yttra, &mut content)?;
    let written = written.map(|text| (text, title_shown));
    let (placement, header_ids) =
        place_content(&mut package, content, written, section, &style_map)?;
    // After the content is placed, so Yttra's charts are numbered with the template's pictures.
    unique_drawing_ids(&mut package)?;
    report.placement = Some(placement);
    add_identification(&mut package, &yttra, &style_map, &header_ids, &mut report)?;
    add_case_part(&mut package, &yttra)?;
    add_theme_if_missing(&mut package, &yttra)?;
    set_properties(&mut package, &yttra)?;
    set_main_content_type(&mut package)?;
    Ok((package.into_parts()?, report))
}

/// What a template file carries that a filed document must not: the path of the template it
/// was made from (a file path on someone's computer), a picture of the template's first page,
/// and Word 2010's copy of the style sheet (`stylesWithEffects.xml`), which would contradict the
/// merged sheet; Word 2013 and later never read it and Word 2010 reads `styles.xml` without it.
///
/// Also left out: a mail merge's data source (a path and a query, and Word would ask for it on
/// opening), the template's document variables, editing protection (the board edits the
/// wording before filing) and the template's comments (notes to whoever fills it in).
fn drop_template_leftovers(package: &mut Package) -> Result<(), String> {
    drop_related(package, DOCUMENT_RELS, "word", "stylesWithEffects")?;
    drop_related(package, PACKAGE_RELS, "", "thumbnail")?;
    for kind in [
        "comments",
        "commentsExtended",
        "commentsIds",
        "commentsExtensible",
        "people",
    ] {
        drop_related(package, DOCUMENT_RELS, "word", kind)?;
    }
    if let Some(document) = package.xml(MAIN_PART)? {
        drop_comment_marks(&mut document.root);
    }
    for (_, path) in stories(package)? {
        if let Some(story) = package.xml(&path)? {
            drop_comment_marks(&mut story.root);
        }
    }
    if let Some(settings) = package.xml("word/settings.xml")? {
        settings.root.children.retain(|node| {
            !matches!(node, Node::Element(e) if matches!(e.name.as_ref(),
                "w:attachedTemplate" | "w:mailMerge" | "w:docVars"
                    | "w:documentProtection" | "w:writeProtection"))
        });
    }
    // The attached template and a mail merge's sources are external targets: only the
    // relationships go.
    for kind in [
        "attachedTemplate",
        "mailMergeSource",
        "recipientData",
        "mailMergeHeaderSource",
    ] {
        drop_related(package, "word/_rels/settings.xml.rels", "word", kind)?;
    }
    Ok(())
}

/// Removes the marks of comments (ranges and references) from a part whose comments are left
/// out.
fn drop_comment_marks(element: &mut Element) {
    element.children.retain(|node| {
        !matches!(node, Node::Element(e) if matches!(e.name.as_ref(),
            "w:commentRangeStart" | "w:commentRangeEnd" | "w:commentReference"))
    });
    for child in element.child_elements_mut() {
        drop_comment_marks(child);
    }
}

/// Removes the relationships of `kind` from a relationship part (in `folder`), with the parts
/// they point to and those parts' content types.
fn drop_related(
    package: &mut Package,
    rels_path: &str,
    folder: &str,
    kind: &str,
) -> Result<(), String> {
    let Some(rels) = package.xml(rels_path)? else {
        return Ok(());
    };
    let targets: Vec<String> = parts::internal_relationships(&rels.root, folder)
        .into_iter()
        .filter(|(_, found, _)| found == kind)
        .map(|(_, _, target)| target)
        .collect();
    parts::remove_relationships(&mut rels.root, |relationship| {
        parts::relationship_kind(relationship) == kind
    });
    for target in targets {
        package.remove(&target);
        if let Some(types) = package.xml(CONTENT_TYPES)? {
            parts::remove_override(&mut types.root, &target);
        }
    }
    Ok(())
}

/// The header and footer parts the body refers to, by relationship id.
fn stories(package: &mut Package) -> Result<Vec<(String, String)>, String> {
    Ok(match package.xml(DOCUMENT_RELS)? {
        Some(rels) => parts::internal_relationships(&rels.root, "word")
            .into_iter()
            .filter(|(_, kind, _)| kind == "header" || kind == "footer")
            .map(|(id, _, target)| (id, target))
            .collect(),
        None => Vec::new(),
    })
}

/// Fills the fields of the template's body (before Yttra's content is in it, so a board's text
/// that happens to read `{{datum}}` stays as written), headers, footers and custom properties.
/// Returns whether the template's body shows the document's title (`{{rubrik}}`). The body's
/// fields count only when it stays (`body_stays`): a replaced body shows none of them.
fn fill_stories(
    package: &mut Package,
    values: &FieldValues,
    report: &mut FillReport,
    body_stays: bool,
) -> Result<bool, String> {
    let mut body = FillReport::default();
    if let Some(part) = package.xml(MAIN_PART)? {
        fill::fill_part(&mut part.root, Some(values), &mut body);
    }
    if !body_stays {
        return fill_other_stories(package, values, report).map(|()| false);
    }
    let title_shown = body.found.contains("rubrik");
    report.found.extend(body.found);
    report.unknown.extend(body.unknown);
    report.bindings.extend(body.bindings);
    fill_other_stories(package, values, report)?;
    Ok(title_shown)
}

/// The headers, footers and properties, and the case system's XML bound to their controls.
fn fill_other_stories(
    package: &mut Package,
    values: &FieldValues,
    report: &mut FillReport,
) -> Result<(), String> {
    for (_, path) in stories(package)? {
        if let Some(part) = package.xml(&path)? {
            fill::fill_part(&mut part.root, Some(values), report);
        }
    }
    if let Some(custom) = package.xml("docProps/custom.xml")? {
        fill::fill_custom_properties(&mut custom.root, Some(values), report);
    }
    write_bound_values(package, &report.bindings)
}

/// Gives every drawing (`wp:docPr`) of the body, headers and footers its own id. Word requires
/// them unique across the document and repairs a file where they are not; templates made with
/// python-docx number each header's pictures from 1.
fn unique_drawing_ids(package: &mut Package) -> Result<(), String> {
    let mut paths = vec![MAIN_PART.to_string()];
    for (_, path) in stories(package)? {
        if !paths.contains(&path) {
            paths.push(path);
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut duplicates = Vec::new();
    for path in &paths {
        if let Some(part) = package.xml(path)? {
            walk(&part.root, &mut |element| {
                if element.name == "wp:docPr" {
                    let id = element
                        .attribute("id")
                        .and_then(|id| id.parse::<u64>().ok());
                    if let Some(id) = id.filter(|id| !seen.insert(*id)) {
                        duplicates.push((path.clone(), id));
                    }
                }
            });
        }
    }
    let mut next = seen.last().copied().unwrap_or(0);
    for (path, id) in duplicates {
        next += 1;
        let new_id = next.to_string();
        let old_id = id.to_string();
        if let Some(part) = package.xml(&path)? {
            let mut done = false;
            // The later of two equal ids is renumbered, once.
            part.root.walk_mut(&mut |element| {
                if !done
                    && element.name == "wp:docPr"
                    && element.attribute("id") == Some(old_id.as_str())
                {
                    element.set_attribute("id", &new_id);
                    done = true;
                }
            });
        }
    }
    Ok(())
}

/// A content control bound to a case system's custom XML shows that part's value in Word, so
/// each filled control's value is written into the part as well.
fn write_bound_values(package: &mut Package, bindings: &[fill::Binding]) -> Result<(), String> {
    if bindings.is_empty() {
        return Ok(());
    }
    let items = custom_items_by_store_id(package)?;
    for binding in bindings {
        let wanted = binding
            .store_item
            .trim_matches(['{', '}'])
            .to_ascii_uppercase();
        let Some((_, item)) = items.iter().find(|(id, _)| *id == wanted) else {
            continue;
        };
        // A case system's part that cannot be read (another encoding) is left as it is.
        if let Ok(Some(part)) = package.xml(item) {
            fill::set_bound_value(&mut part.root, &binding.xpath, &binding.value);
        }
    }
    Ok(())
}

/// The custom XML items by their datastore id (upper case, without braces), from their
/// property parts.
fn custom_items_by_store_id(package: &mut Package) -> Result<Vec<(String, String)>, String> {
    let props: Vec<String> = package
        .parts
        .iter()
        .map(|(path, _)| path.clone())
        .filter(|path| path.starts_with("customXml/itemProps"))
        .collect();
    let mut items = Vec::new();
    for path in props {
        // Read, not parsed for changing, so the property parts stay byte for byte.
        let Some(Part::Bytes(bytes)) = package
            .parts
            .iter()
            .find(|(name, _)| *name == path)
            .map(|(_, part)| part)
        else {
            continue;
        };
        let Ok(part) = xml_tree::parse(bytes) else {
            continue;
        };
        if let Some(id) = part.root.attribute("ds:itemID") {
            let id = id.trim_matches(['{', '}']).to_ascii_uppercase();
            items.push((id, path.replace("customXml/itemProps", "customXml/item")));
        }
    }
    Ok(items)
}

/// Yttra's styles in the template's sheet (or Yttra's sheet, when the template has none).
/// Yttra's styles use only the `w:` prefix, which every sheet declares.
fn merge_styles<'a>(
    package: &mut Package<'a>,
    template: &'a Template,
    yttra: &YttraParts<'a>,
) -> Result<StyleMap, String> {
    let ours = yttra.parse("word/styles.xml")?;
    match template.part("word/styles.xml") {
        Some(theirs) => {
            let (merged, map) = styles::merge_styles(theirs, &ours.root)?;
            package.put("word/styles.xml", Part::Bytes(Cow::Owned(merged)));
            Ok(map)
        }
        None => {
            package.put("word/styles.xml", Part::Xml(ours));
            let rels = package.xml_or(DOCUMENT_RELS, parts::empty_relationships)?;
            parts::add_relationship(
                &mut rels.root,
                &parts::office_relationship("styles"),
                "styles.xml",
            );
            let types = package.xml(CONTENT_TYPES)?.ok_or("innehållstyper saknas")?;
            parts::set_override(&mut types.root, "word/styles.xml", STYLES_TYPE);
            Ok(StyleMap::default())
        }
    }
}

/// Yttra's title paragraph, left out when the template shows the title itself: a document
/// should not open with it twice. (Reading back only reports text added outside the fields, so
/// a title missing from the document is no difference.)
fn drop_title(content: &mut Vec<Node>) {
    let is_title = |node: &Node| {
        matches!(node, Node::Element(p) if p.name == "w:p"
            && p.first_child("w:pPr")
                .and_then(|properties| properties.first_child("w:pStyle"))
                .and_then(|style| style.attribute("w:val"))
                == Some(crate::styles::TITLE))
    };
    if let Some(index) = content.iter().position(is_title) {
        content.remove(index);
    }
}

/// Declares on `target` the namespaces `source` declares that it lacks, so that Yttra's
/// elements moved into a template's part keep their prefixes bound.
fn declare_namespaces<'a>(target: &mut Element<'a>, source: &Element<'a>) {
    for (name, value) in &source.attributes {
        if name.starts_with("xmlns:") && target.attribute(name).is_none() {
            target.attributes.push((name.clone(), value.clone()));
        }
    }
}

/// Yttra's body content and its section properties.
fn take_content(document: XmlDocument) -> (Vec<Node>, Option<Element>) {
    let mut root = document.root;
    let Some(Node::Element(mut body)) = root
        .children
        .iter()
        .position(|node| matches!(node, Node::Element(e) if e.name == "w:body"))
        .map(|index| root.children.swap_remove(index))
    else {
        return (Vec::new(), None);
    };
    let section = match body.children.last() {
        Some(Node::Element(last)) if last.name == "w:sectPr" => match body.children.pop() {
            Some(Node::Element(section)) => Some(section),
            _ => None,
        },
        _ => None,
    };
    (body.children, section)
}

/// Puts Yttra's content where the template wants it (see [`Placement`]), its styles and
/// bookmark ids made the template's. `written` is the content as text instead (with whether
/// its title is to be dropped), which goes in as text when the body is written.
fn place_content<'a>(
    package: &mut Package<'a>,
    mut content: Vec<Node<'a>>,
    written: Option<(&str, bool)>,
    yttra_section: Option<Element<'a>>,
    style_map: &StyleMap,
) -> Result<(Placement, Vec<String>), String> {
    let document = package.xml(MAIN_PART)?.ok_or("mallen har ingen brödtext")?;
    let offset = max_bookmark_id(&document.root);
    let body = document
        .root
        .first_child_mut("w:body")
        .ok_or("mallen har ingen brödtext")?;
    let slot = super::slot_of(body);
    let placement = slot.placement;
    // Tables span the place they go to as they span Yttra's page: a cell, or the section's text.
    let room = slot
        .cell_width
        .or_else(|| slot.section.and_then(text_width));
    let scale = room
        .zip(yttra_section.as_ref().and_then(text_width))
        .map(|(theirs, ours)| theirs as f64 / ours as f64)
        .unwrap_or(1.0);
    let headers = section_header_ids(slot.section);
    let path = slot.path;
    let template_section = body
        .children
        .iter()
        .rposition(|node| matches!(node, Node::Element(e) if e.name == "w:sectPr"))
        .map(|index| body.children.remove(index));
    let mut last_id = remap_content(&mut content, style_map, offset, scale);
    let mut written = written
        .map(|(text, drop_title)| {
            let changes = written::Changes {
                style_map,
                bookmark_offset: offset,
                scale,
                drop_title,
            };
            written::prepare(text, &changes)
        })
        .transpose()?;
    if let Some(written) = &written {
        last_id = last_id.max(written.last_bookmark_id);
        content.push(Node::Element(Element::new(written::PLACEHOLDER)));
    }
    match placement {
        Placement::ReplacesBody => {
            body.children.clear();
            body.children.extend(content);
        }
        Placement::Marker | Placement::ContentControl => {
            match &mut written {
                Some(written) => written.mark_region(last_id + 1, CONTENT_START, CONTENT_END),
                None => mark_region(&mut content, last_id + 1),
            }
            let written_ends_with_table = written.as_ref().is_some_and(|w| w.ends_with_table);
            replace_slot(body, &path, content, written_ends_with_table);
        }
    }
    let section = template_section.or_else(|| {
        yttra_section.map(|mut section| {
            // Yttra's header is added later, and only when the template has none.
            section.children.retain(|node| {
                !matches!(node, Node::Element(e) if e.name == "w:headerReference" || e.name == "w:footerReference")
            });
            Node::Element(section)
        })
    });
    body.children.extend(section);
    package.written_content = written.map(|written| written.text);
    Ok((placement, headers))
}

/// The relationship ids of a section's headers.
fn section_header_ids(section: Option<&Element>) -> Vec<String> {
    section
        .map(|section| {
            section
                .child_elements()
                .filter(|e| e.name == "w:headerReference")
                .filter_map(|e| e.attribute("r:id").map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The largest bookmark id in a part, so Yttra's bookmarks can be numbered after it.
fn max_bookmark_id(root: &Element) -> usize {
    let mut max = 0;
    let mut visit = |element: &Element| {
        if element.name == "w:bookmarkStart" {
            if let Some(id) = element.attribute("w:id").and_then(|id| id.parse().ok()) {
                max = max.max(id);
            }
        }
    };
    walk(root, &mut visit);
    max
}

fn walk(element: &Element, visit: &mut dyn FnMut(&Element)) {
    visit(element);
    for child in element.child_elements() {
        walk(child, visit);
    }
}

/// The width between a section's margins, in twips.
fn text_width(section: &Element) -> Option<i64> {
    let twips = |element: &str, attribute: &str| {
        section
            .first_child(element)?
            .attribute(attribute)?
            .parse::<f64>()
            .ok()
            .map(|value| value as i64)
    };
    let width =
        twips("w:pgSz", "w:w")? - twips("w:pgMar", "w:left")? - twips("w:pgMar", "w:right")?;
    (width > 0).then_some(width)
}

/// Maps the content's styles to the template's, moves its bookmark ids past `offset` and
/// scales its tables and charts by `scale` (the template's text width over Yttra's, so that tables span
/// the template's page as they span Yttra's); returns the largest bookmark id given.
fn remap_content(content: &mut [Node], style_map: &StyleMap, offset: usize, scale: f64) -> usize {
    let mut last = offset;
    let rescale = rescales(scale);
    for node in content {
        if let Node::Element(element) = node {
            element.walk_mut(&mut |element| match element.name.as_ref() {
                "w:bookmarkStart" | "w:bookmarkEnd" => {
                    let id = element
                        .attribute("w:id")
                        .and_then(|id| id.parse::<usize>().ok())
                        .unwrap_or_default()
                        + offset;
                    last = last.max(id);
                    element.set_attribute("w:id", &id.to_string());
                }
                "w:gridCol" | "w:tblW" | "w:tcW" if rescale => scale_width(element, scale),
                "wp:extent" if rescale => scale_extent(element, scale),
                _ => style_map.remap(element),
            });
        }
    }
    last
}

/// Whether Yttra's tables are scaled to the template's page: not for a difference of half a
/// percent or less.
pub(super) fn rescales(scale: f64) -> bool {
    (scale - 1.0).abs() > 0.005
}

/// A width in twips (`w:w`, of type `dxa` or untyped) times `scale`.
fn scale_width(element: &mut Element, scale: f64) {
    if !scales_width_of_type(element.attribute("w:type")) {
        return;
    }
    if let Some(scaled) = element.attribute("w:w").and_then(|w| scaled(w, scale)) {
        element.set_attribute("w:w", &scaled.to_string());
    }
}

/// Whether a width of this `w:type` is in twips, which scaling changes (a percentage is not).
pub(super) fn scales_width_of_type(kind: Option<&str>) -> bool {
    matches!(kind, None | Some("dxa"))
}

/// A size as written, times `scale`, rounded; `None` when it is not a number.
pub(super) fn scaled(size: &str, scale: f64) -> Option<i64> {
    size.parse::<f64>()
        .ok()
        .map(|size| (size * scale).round() as i64)
}

/// A drawing's size (a chart) times `scale`, its proportions kept.
fn scale_extent(element: &mut Element, scale: f64) {
    for name in ["cx", "cy"] {
        if let Some(scaled) = element.attribute(name).and_then(|size| scaled(size, scale)) {
            element.set_attribute(name, &scaled.to_string());
        }
    }
}

/// Marks where Yttra's content starts and ends, so that reading the document back reads only
/// Yttra's part and not the template's own text around it.
fn mark_region(content: &mut [Node], first_id: usize) {
    let paragraphs: Vec<usize> = content
        .iter()
        .enumerate()
        .filter(|(_, node)| matches!(node, Node::Element(e) if e.name == "w:p"))
        .map(|(index, _)| index)
        .collect();
    let (Some(&first), Some(&last)) = (paragraphs.first(), paragraphs.last()) else {
        return;
    };
    if let Node::Element(paragraph) = &mut content[first] {
        let at = usize::from(paragraph.first_child("w:pPr").is_some());
        for (offset, bookmark) in collapsed_bookmark(CONTENT_START, first_id)
            .into_iter()
            .enumerate()
        {
            paragraph
                .children
                .insert(at + offset, Node::Element(bookmark));
        }
    }
    if let Node::Element(paragraph) = &mut content[last] {
        paragraph.children.extend(
            collapsed_bookmark(CONTENT_END, first_id + 1)
                .into_iter()
                .map(Node::Element),
        );
    }
}

pub(super) fn collapsed_bookmark(name: &str, id: usize) -> [Element<'static>; 2] {
    let id = id.to_string();
    [
        Element::new("w:bookmarkStart")
            .with_attribute("w:id", &id)
            .with_attribute("w:name", name),
        Element::new("w:bookmarkEnd").with_attribute("w:id", &id),
    ]
}

/// Replaces the template's `[Yttra]` paragraph or `yttra` content control (at `path`, see
/// `slot_of`) with the content; `written_ends_with_table` tells whether written content
/// (see [`written::WrittenContent`]) ends with a table.
fn replace_slot<'a>(
    body: &mut Element<'a>,
    path: &[usize],
    content: Vec<Node<'a>>,
    written_ends_with_table: bool,
) {
    let Some((&index, parents)) = path.split_last() else {
        return;
    };
    let mut element = body;
    for &step in parents {
        match element.children.get_mut(step) {
            Some(Node::Element(child)) => element = child,
            _ => return,
        }
    }
    let Some(Node::Element(replaced)) =
        (index < element.children.len()).then(|| element.children.remove(index))
    else {
        return;
    };
    let mut nodes = content;
    nodes.extend(section_break_of(&replaced).map(Node::Element));
    let after = index + nodes.len();
    element.children.splice(index..index, nodes);
    // A table cell must end with a paragraph.
    let ends_with_table = element.children[..after]
        .iter()
        .rev()
        .find_map(|node| match node {
            Node::Element(e) if e.name == written::PLACEHOLDER => Some(written_ends_with_table),
            Node::Element(e) => Some(e.name == "w:tbl"),
            _ => None,
        })
        .unwrap_or(false);
    if element.name == "w:tc" && after == element.children.len() && ends_with_table {
        element.children.push(Node::Element(Element::new("w:p")));
    }
}

/// A marker paragraph that also ended a section keeps ending it.
fn section_break_of<'a>(replaced: &Element<'a>) -> Option<Element<'a>> {
    let properties = replaced.first_child("w:pPr")?;
    let section = properties.first_child("w:sectPr")?;
    let mut kept = Element::new("w:pPr");
    kept.children.push(Node::Element(section.clone()));
    let mut paragraph = Element::new("w:p");
    paragraph.children.push(Node::Element(kept));
    Some(paragraph)
}

/// The header parts of the section Yttra's text is in (`ids`), or of the last section.
fn section_headers(package: &mut Package, ids: &[String]) -> Result<Vec<String>, String> {
    let mut ids = ids.to_vec();
    if ids.is_empty() {
        let document = package.xml(MAIN_PART)?.ok_or("mallen har ingen brödtext")?;
        ids = section_header_ids(document.root.first_child("w:body").and_then(|body| {
            body.child_elements()
                .filter(|e| e.name == "w:sectPr")
                .last()
        }));
    }
    let stories = stories(package)?;
    let mut paths: Vec<String> = Vec::new();
    for (_, path) in ids
        .iter()
        .filter_map(|id| stories.iter().find(|(story, _)| story == id))
    {
        // Two references (first page and the others) may share one part.
        if !paths.contains(path) {
            paths.push(path.clone());
        }
    }
    Ok(paths)
}

/// The document must say whose it is and its case number: when the template has no header,
/// Yttra's header is used; when its headers do not show the diarienummer, Yttra's line with the
/// board, diarienummer and date is added at their end.
fn add_identification<'a>(
    package: &mut Package<'a>,
    yttra: &YttraParts<'a>,
    style_map: &StyleMap,
    header_ids: &[String],
    report: &mut MergeReport,
) -> Result<(), String> {
    let headers = section_headers(package, header_ids)?;
    let mut header = yttra.parse("word/header1.xml")?;
    header
        .root
        .walk_mut(&mut |element| style_map.remap(element));
    if headers.is_empty() {
        let (_, path) =
            parts::free_path(|path| package.has(path), |n| format!("word/header{n}.xml"));
        let target = path.trim_start_matches("word/").to_string();
        package.put(&path, Part::Xml(header));
        let rels = package.xml_or(DOCUMENT_RELS, parts::empty_relationships)?;
        let id = parts::add_relationship(
            &mut rels.root,
            &parts::office_relationship("header"),
            &target,
        );
        let types = package.xml(CONTENT_TYPES)?.ok_or("innehållstyper saknas")?;
        parts::set_override(&mut types.root, &path, HEADER_TYPE);
        let document = package.xml(MAIN_PART)?.ok_or("mallen har ingen brödtext")?;
        if let Some(section) = document.root.first_child_mut("w:body").and_then(|body| {
            body.child_elements_mut()
                .filter(|e| e.name == "w:sectPr")
                .last()
        }) {
            let reference = Element::new("w:headerReference")
                .with_attribute("w:type", "default")
                .with_attribute("r:id", &id);
            section.children.insert(0, Node::Element(reference));
        }
        report.notes.push(NO_HEADER_NOTE.to_string());
        return Ok(());
    }
    if report.fields.found.contains("diarienummer") {
        return Ok(());
    }
    let Some(line) = header
        .root
        .child_elements()
        .filter(|e| e.name == "w:p")
        .nth(1)
        .cloned()
    else {
        return Ok(());
    };
    for path in headers {
        if let Some(part) = package.xml(&path)? {
            declare_namespaces(&mut part.root, &header.root);
            part.root.children.push(Node::Element(line.clone()));
        }
    }
    report.notes.push(NO_DIARIENUMMER_NOTE.to_string());
    Ok(())
}

/// A page that is not A4 is said: a template saved on a computer set to US Letter prints wrong.
fn page_size_note(page: schemas::template::PageSetup) -> Option<String> {
    let (short, long) = (
        page.width_mm.min(page.height_mm),
        page.width_mm.max(page.height_mm),
    );
    let a4 = short.abs_diff(210) <= 1 && long.abs_diff(297) <= 1;
    (!a4 && short > 0).then(|| {
        let name = if short.abs_diff(216) <= 1 && long.abs_diff(279) <= 1 {
            " (US Letter)"
        } else {
            ""
        };
        format!(
            "Mallens sida är {} × {} mm{name}, inte A4 (210 × 297 mm). Ändra pappersstorleken \
             i mallen om dokumenten ska skrivas ut på A4.",
            page.width_mm, page.height_mm
        )
    })
}

pub const TITLE_SHOWN_NOTE: &str =
    "Mallen visar dokumentets rubrik ({{rubrik}}), så Yttra skriver den inte en gång till.";

/// A slot in a table cell much narrower than the page makes Yttra's tables narrow; said, with
/// the way out.
fn narrow_cell_note(body: Option<&Element>) -> Option<String> {
    let slot = super::slot_of(body?);
    let cell = slot.cell_width?;
    let page = slot.section.and_then(text_width)?;
    (cell * 10 < page * 7).then(|| {
        format!(
            "Yttras text hamnar i en tabellcell som är {} mm bred (sidans text är {} mm), så \
             Yttras tabeller blir smala. Lägg [Yttra] i ett eget stycke under tabellen om de ska \
             få hela bredden.",
            (cell as f64 / 56.692).round(),
            (page as f64 / 56.692).round()
        )
    })
}

pub const NO_HEADER_NOTE: &str =
    "Mallen har inget sidhuvud, så Yttras eget används: organisation, nämnd, diarienummer, datum \
     och sidnummer.";
pub const NO_DIARIENUMMER_NOTE: &str =
    "Mallen har inget fält för diarienummer, så Yttra skriver nämnd, diarienummer och datum sist \
     i sidhuvudet. Skriv {{diarienummer}} och {{datum}} i mallen där de ska stå.";

/// Yttra's embedded case, under the first custom XML item name the template leaves free.
fn add_case_part<'a>(package: &mut Package<'a>, yttra: &YttraParts<'a>) -> Result<(), String> {
    let (n, item) = parts::free_path(
        |path| package.has(path) || package.has(&path.replace("/item", "/itemProps")),
        |n| format!("customXml/item{n}.xml"),
    );
    let props = format!("customXml/itemProps{n}.xml");
    package.put_bytes(&item, yttra.get("customXml/item1.xml")?);
    package.put_bytes(&props, yttra.get("customXml/itemProps1.xml")?);
    let mut item_rels = xml_tree::parse(yttra.get("customXml/_rels/item1.xml.rels")?)
        .map_err(|error| error.to_string())?;
    let props_target = format!("itemProps{n}.xml");
    item_rels.root.walk_mut(&mut |element| {
        if element.name == "Relationship" {
            element.set_attribute("Target", &props_target);
        }
    });
    package.put(&parts::relationships_path(&item), Part::Xml(item_rels));
    let rels = package.xml_or(DOCUMENT_RELS, parts::empty_relationships)?;
    parts::add_relationship(
        &mut rels.root,
        &parts::office_relationship("customXml"),
        &format!("../{item}"),
    );
    let types = package.xml(CONTENT_TYPES)?.ok_or("innehållstyper saknas")?;
    parts::set_override(&mut types.root, &props, CUSTOM_ITEM_PROPS_TYPE);
    Ok(())
}

/// Yttra's charts (`word/charts/…`), under names and relationship ids the template leaves
/// free, with the content's references to them changed to match.
fn add_charts<'a>(
    package: &mut Package<'a>,
    yttra: &YttraParts<'a>,
    content: &mut [Node<'a>],
) -> Result<(), String> {
    let rels = xml_tree::parse(yttra.get(DOCUMENT_RELS)?).map_err(|error| error.to_string())?;
    let charts: Vec<(String, String)> = parts::internal_relationships(&rels.root, "word")
        .into_iter()
        .filter(|(_, kind, _)| kind == "chart")
        .map(|(id, _, path)| (id, path))
        .collect();
    let mut renamed = Vec::new();
    for (old_id, path) in charts {
        let (_, free) = parts::free_path(
            |candidate| package.has(candidate),
            |n| format!("word/charts/chart{n}.xml"),
        );
        package.put_bytes(&free, yttra.get(&path)?);
        let rels = package.xml_or(DOCUMENT_RELS, parts::empty_relationships)?;
        let new_id = parts::add_relationship(
            &mut rels.root,
            &parts::office_relationship("chart"),
            free.trim_start_matches("word/"),
        );
        let types = package.xml(CONTENT_TYPES)?.ok_or("innehållstyper saknas")?;
        parts::set_override(&mut types.root, &free, crate::chart::CONTENT_TYPE);
        renamed.push((old_id, new_id));
    }
    if renamed.is_empty() {
        return Ok(());
    }
    for node in content.iter_mut() {
        if let Node::Element(element) = node {
            element.walk_mut(&mut |element| {
                if element.name != "c:chart" {
                    return;
                }
                let new = element
                    .attribute("r:id")
                    .and_then(|id| renamed.iter().find(|(old, _)| old == id))
                    .map(|(_, new)| new.clone());
                if let Some(new) = new {
                    element.set_attribute("r:id", &new);
                }
            });
        }
    }
    Ok(())
}

/// Word needs a theme; a template without one gets Yttra's.
fn add_theme_if_missing<'a>(
    package: &mut Package<'a>,
    yttra: &YttraParts<'a>,
) -> Result<(), String> {
    let rels = package.xml_or(DOCUMENT_RELS, parts::empty_relationships)?;
    if parts::internal_relationships(&rels.root, "word")
        .iter()
        .any(|(_, kind, _)| kind == "theme")
    {
        return Ok(());
    }
    let (_, path) = parts::free_path(
        |path| package.has(path),
        |n| format!("word/theme/theme{n}.xml"),
    );
    package.put_bytes(&path, yttra.get("word/theme/theme1.xml")?);
    let rels = package.xml_or(DOCUMENT_RELS, parts::empty_relationships)?;
    parts::add_relationship(
        &mut rels.root,
        &parts::office_relationship("theme"),
        path.trim_start_matches("word/"),
    );
    let types = package.xml(CONTENT_TYPES)?.ok_or("innehållstyper saknas")?;
    parts::set_override(&mut types.root, &path, THEME_TYPE);
    Ok(())
}

/// The document's own properties (title, subject, author, dates) replace the template's: the
/// template's say who made the template, and when.
fn set_properties<'a>(package: &mut Package<'a>, yttra: &YttraParts<'a>) -> Result<(), String> {
    let rels = package.xml_or(PACKAGE_RELS, parts::empty_relationships)?;
    let existing = parts::internal_relationships(&rels.root, "");
    let mut paths = Vec::new();
    for (kind, uri, default_path, content_type) in [
        (
            "core-properties",
            parts::package_relationship("metadata/core-properties"),
            "docProps/core.xml",
            CORE_TYPE,
        ),
        (
            "extended-properties",
            parts::office_relationship("extended-properties"),
            "docProps/app.xml",
            APP_TYPE,
        ),
    ] {
        let path = match existing.iter().find(|(_, found, _)| found == kind) {
            Some((_, _, target)) => target.clone(),
            None => {
                parts::add_relationship(&mut rels.root, &uri, default_path);
                default_path.to_string()
            }
        };
        paths.push((path, default_path, content_type));
    }
    for (path, yttra_path, content_type) in paths {
        package.put_bytes(&path, yttra.get(yttra_path)?);
        let types = package.xml(CONTENT_TYPES)?.ok_or("innehållstyper saknas")?;
        parts::set_override(&mut types.root, &path, content_type);
    }
    Ok(())
}

/// A `.dotx` template's main part is a template; the merged file is a document.
fn set_main_content_type(package: &mut Package) -> Result<(), String> {
    let types = package.xml(CONTENT_TYPES)?.ok_or("innehållstyper saknas")?;
    parts::set_override(&mut types.root, MAIN_PART, DOCUMENT_MAIN);
    parts::ensure_default(&mut types.root, "rels", RELS_TYPE);
    parts::ensure_default(&mut types.root, "xml", "application/xml");
    Ok(())
}

/// What the template holds and what a merge will do with it (see `Template::summary`).
pub(crate) fn summary(template: &Template) -> TemplateSummary {
    let mut package = Package::of(template);
    let mut summary = TemplateSummary::default();
    let mut fields = FillReport::default();
    let stories = stories(&mut package).unwrap_or_default();
    let Ok(Some(document)) = package.xml(MAIN_PART) else {
        return summary;
    };
    let mut body_root = document.root.clone();
    let mut body_fields = FillReport::default();
    fill::fill_part(&mut body_root, None, &mut body_fields);
    let body_stays = body_root
        .first_child("w:body")
        .is_some_and(|body| super::slot_of(body).placement != Placement::ReplacesBody);
    if !body_stays {
        // Yttra's text replaces the body, and its fields with it.
        body_fields = FillReport::default();
    }
    fields.found.extend(body_fields.found.iter().copied());
    fields.unknown.extend(body_fields.unknown.iter().cloned());
    let body = body_root.first_child("w:body");
    // The section Yttra's text goes in: its page, headers and footers are what it gets.
    let section = body.and_then(|body| super::slot_of(body).section);
    summary.page = super::page_setup(section);
    if let Some(body) = body {
        let mut lines = Vec::new();
        super::collect_lines(body, &mut lines, &mut 0);
        lines.truncate(40);
        summary.body = lines;
        summary.placement = Some(super::placement_of(body));
    }
    let title_page = section.is_some_and(super::title_page);
    let references: Vec<(String, String, String)> = section
        .map(|section| {
            section
                .child_elements()
                .filter(|e| e.name == "w:headerReference" || e.name == "w:footerReference")
                .filter_map(|e| {
                    Some((
                        e.name.to_string(),
                        e.attribute("w:type").unwrap_or("default").to_string(),
                        e.attribute("r:id")?.to_string(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    // As the pages come: the first page's header and footer before the others'.
    let mut references = references;
    references.sort_by_key(|(_, kind, _)| match kind.as_str() {
        "first" => 0,
        "default" => 1,
        _ => 2,
    });
    for (element, kind, id) in &references {
        let Some((_, path)) = stories.iter().find(|(story, _)| story == id) else {
            continue;
        };
        let Ok(Some(part)) = package.xml(path) else {
            continue;
        };
        let mut root = part.root.clone();
        fill::fill_part(&mut root, None, &mut fields);
        let text = super::part_text(super::pages_sv(kind, title_page), &root);
        if element == "w:headerReference" {
            summary.headers.push(text);
        } else {
            summary.footers.push(text);
        }
    }
    if let Ok(Some(custom)) = package.xml("docProps/custom.xml") {
        let mut root = custom.root.clone();
        fill::fill_custom_properties(&mut root, None, &mut fields);
    }
    if let Some(styles) = template.part("word/styles.xml") {
        let ours = crate::styles::sheet_xml();
        if let Ok(ours) = xml_tree::parse(ours.as_bytes()) {
            summary.styles = styles::style_uses(styles, &ours.root);
        }
    }
    if let Some(note) = page_size_note(summary.page) {
        summary.notes.push(note);
    }
    if body_fields.found.contains("rubrik") {
        summary.notes.push(TITLE_SHOWN_NOTE.to_string());
    }
    if let Some(note) = narrow_cell_note(body) {
        summary.notes.push(note);
    }
    if summary.headers.is_empty() {
        summary.notes.push(NO_HEADER_NOTE.to_string());
    } else if !fields.found.contains("diarienummer") {
        summary.notes.push(NO_DIARIENUMMER_NOTE.to_string());
    }
    let missing: Vec<&str> = summary
        .styles
        .iter()
        .filter(|style| style.template_style.is_none())
        .map(|style| style.role.as_str())
        .collect();
    if !missing.is_empty() {
        summary.notes.push(format!(
            "Mallen har ingen formatmall för {}; Yttra lägger till sin egen.",
            join_sv(&missing)
        ));
    }
    summary.fields = fields.found.iter().map(|key| key.to_string()).collect();
    summary.unknown = fields.unknown.into_iter().collect();
    summary
}

/// "a, b och c".
fn join_sv(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_lowercase(),
        [rest @ .., last] => format!(
            "{} och {}",
            rest.iter()
                .map(|item| item.to_lowercase())
                .collect::<Vec<_>>()
                .join(", "),
            last.to_lowercase()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_content_goes_where_its_one_placeholder_is() {
        let body = "<w:body><yttra-written-content/><w:sectPr/></w:body>";
        assert_eq!(
            with_written_content(body, "<w:p/>").expect("one placeholder"),
            "<w:body><w:p/><w:sectPr/></w:body>"
        );
        // A template that holds the placeholder's text itself is refused, not filled there.
        let commented = "<w:body><!--<yttra-written-content/>--><yttra-written-content/></w:body>";
        let refused = with_written_content(commented, "<w:p/>").expect_err("two placeholders");
        assert!(refused.contains("ingen plats i mallen"), "{refused}");
        assert!(with_written_content("<w:body/>", "<w:p/>").is_err());
    }
}
