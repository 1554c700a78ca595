//! The package plumbing a merge needs: relationship parts, content types and the paths parts
//! point to one another by.

use crate::xml_tree::{Element, Node};

pub const RELATIONSHIPS_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_RELATIONSHIPS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const PACKAGE_RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships/";

/// The type of a relationship from its last path segment: `header` for
/// `…/officeDocument/2006/relationships/header`.
pub fn relationship_kind<'e>(relationship: &'e Element) -> &'e str {
    relationship
        .attribute("Type")
        .and_then(|kind| kind.rsplit('/').next())
        .unwrap_or_default()
}

/// The full type URI of an office relationship kind (`header`, `customXml`, `theme`, …).
pub fn office_relationship(kind: &str) -> String {
    format!("{OFFICE_RELATIONSHIPS}{kind}")
}

/// The full type URI of a package relationship kind (`metadata/core-properties`).
pub fn package_relationship(kind: &str) -> String {
    format!("{PACKAGE_RELATIONSHIPS}{kind}")
}

/// The relationships of a part, as `(id, kind, resolved target path)`; external targets are
/// left out (they name no part).
pub fn internal_relationships(rels: &Element, part_dir: &str) -> Vec<(String, String, String)> {
    rels.child_elements()
        .filter(|relationship| relationship.name == "Relationship")
        .filter(|relationship| relationship.attribute("TargetMode") != Some("External"))
        .filter_map(|relationship| {
            let id = relationship.attribute("Id")?.to_string();
            let target = resolve(part_dir, relationship.attribute("Target")?);
            Some((id, relationship_kind(relationship).to_string(), target))
        })
        .collect()
}

/// Adds a relationship with an id not yet used (`rIdYttra1`, …) and returns the id.
pub fn add_relationship(rels: &mut Element, kind_uri: &str, target: &str) -> String {
    let used: Vec<String> = rels
        .child_elements()
        .filter_map(|relationship| relationship.attribute("Id").map(str::to_string))
        .collect();
    let id = (1..)
        .map(|n| format!("rIdYttra{n}"))
        .find(|id| !used.contains(id))
        .expect("an unused id exists");
    rels.children.push(Node::Element(
        Element::new("Relationship")
            .with_attribute("Id", &id)
            .with_attribute("Type", kind_uri)
            .with_attribute("Target", target),
    ));
    id
}

/// Removes the relationships for which `drop` is true.
pub fn remove_relationships(rels: &mut Element, drop: impl Fn(&Element) -> bool) {
    rels.children
        .retain(|node| !matches!(node, Node::Element(relationship) if relationship.name == "Relationship" && drop(relationship)));
}

/// An empty relationship part.
pub fn empty_relationships<'a>() -> Element<'a> {
    Element::new("Relationships").with_attribute("xmlns", RELATIONSHIPS_NS)
}

/// A target path resolved against the folder of the part that holds the relationship:
/// `../customXml/item1.xml` from `word` is `customXml/item1.xml`; `/word/a.xml` is absolute.
pub fn resolve(part_dir: &str, target: &str) -> String {
    let mut segments: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        part_dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    segments.join("/")
}

/// The relationship part of a part: `word/_rels/document.xml.rels` for `word/document.xml`.
pub fn relationships_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/_rels/{name}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// The content type the package declares for a part: its override, else the default of its
/// extension.
pub fn content_type<'e>(types: &'e Element, part: &str) -> Option<&'e str> {
    let name = format!("/{part}");
    let overridden = types
        .child_elements()
        .filter(|entry| entry.name == "Override")
        .find(|entry| {
            entry
                .attribute("PartName")
                .is_some_and(|p| p.eq_ignore_ascii_case(&name))
        })
        .and_then(|entry| entry.attribute("ContentType"));
    overridden.or_else(|| {
        let extension = part.rsplit_once('.')?.1;
        types
            .child_elements()
            .filter(|entry| entry.name == "Default")
            .find(|entry| {
                entry
                    .attribute("Extension")
                    .is_some_and(|e| e.eq_ignore_ascii_case(extension))
            })
            .and_then(|entry| entry.attribute("ContentType"))
    })
}

/// Declares (or re-declares) the content type of one part.
pub fn set_override(types: &mut Element, part: &str, content_type: &str) {
    let name = format!("/{part}");
    for entry in types.child_elements_mut() {
        if entry.name == "Override"
            && entry
                .attribute("PartName")
                .is_some_and(|p| p.eq_ignore_ascii_case(&name))
        {
            entry.set_attribute("ContentType", content_type);
            return;
        }
    }
    types.children.push(Node::Element(
        Element::new("Override")
            .with_attribute("PartName", &name)
            .with_attribute("ContentType", content_type),
    ));
}

/// Forgets the override of a part that is no longer in the package.
pub fn remove_override(types: &mut Element, part: &str) {
    let name = format!("/{part}");
    types.children.retain(|node| {
        !matches!(node, Node::Element(entry) if entry.name == "Override"
            && entry.attribute("PartName").is_some_and(|p| p.eq_ignore_ascii_case(&name)))
    });
}

/// Declares the default content type of an extension when the package has none.
pub fn ensure_default(types: &mut Element, extension: &str, content_type: &str) {
    let declared = types.child_elements().any(|entry| {
        entry.name == "Default"
            && entry
                .attribute("Extension")
                .is_some_and(|e| e.eq_ignore_ascii_case(extension))
    });
    if !declared {
        // Defaults come before overrides (CT_Types is a choice, but Word writes them first).
        types.children.insert(
            0,
            Node::Element(
                Element::new("Default")
                    .with_attribute("Extension", extension)
                    .with_attribute("ContentType", content_type),
            ),
        );
    }
}

/// A part's path that is free in the package: `word/header{n}.xml` for the first `n` unused.
pub fn free_path(taken: impl Fn(&str) -> bool, make: impl Fn(usize) -> String) -> (usize, String) {
    (1..)
        .map(|n| (n, make(n)))
        .find(|(_, path)| !taken(path))
        .expect("a free name exists")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_part_folder() {
        assert_eq!(resolve("word", "header1.xml"), "word/header1.xml");
        assert_eq!(
            resolve("word", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(
            resolve("word", "/word/media/logo.png"),
            "word/media/logo.png"
        );
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
    }

    #[test]
    fn relationship_parts_sit_beside_their_part() {
        assert_eq!(
            relationships_path("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
        assert_eq!(relationships_path("x.xml"), "_rels/x.xml.rels");
    }
}
