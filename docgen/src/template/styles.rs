//! Yttra's styles matched to a template's: by the built-in style they are, not by id. Word
//! stores a built-in style's English name (`heading 1`) whatever its id, and a Swedish Word
//! names the id `Rubrik1`; other tools may write the Swedish name. A style the template lacks is
//! added from Yttra's sheet, under an id the template does not use.

use std::collections::HashMap;

use schemas::template::StyleUse;

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::xml_tree::{self, Element, XmlDocument};

/// The names one built-in style goes by, lowercase: the English name Word stores and the
/// Swedish name Word shows.
const NAMES: &[&[&str]] = &[
    &["title", "rubrik"],
    &["subtitle", "underrubrik"],
    &["heading 1", "rubrik 1"],
    &["heading 2", "rubrik 2"],
    &["heading 3", "rubrik 3"],
    &["quote", "citat"],
    &["header", "sidhuvud"],
    &["footer", "sidfot"],
    &["table grid", "tabellrutnät"],
];

/// What Yttra uses its styles for, as the settings page names them, by Yttra's style id.
const ROLES: &[(&str, &str)] = &[
    ("Normal", "Brödtext"),
    ("Title", "Dokumentets rubrik"),
    ("Subtitle", "Underrubrik"),
    ("Heading1", "Rubrik 1"),
    ("Heading2", "Rubrik 2"),
    ("Quote", "Citat ur rapporten"),
    ("TableGrid", "Tabell"),
    ("Tabelltext", "Text i tabeller"),
];

/// Yttra's style ids mapped to the merged sheet's.
#[derive(Clone, Debug, Default)]
pub struct StyleMap(HashMap<String, String>);

impl StyleMap {
    /// The id a Yttra style has in the merged sheet (unchanged when not mapped).
    pub fn id<'s>(&'s self, yttra_id: &'s str) -> &'s str {
        self.0.get(yttra_id).map(String::as_str).unwrap_or(yttra_id)
    }

    /// The id a Yttra style is mapped to, if it is.
    pub(crate) fn get(&self, yttra_id: &str) -> Option<&str> {
        self.0.get(yttra_id).map(String::as_str)
    }

    /// A map of the given ids, for tests.
    #[cfg(test)]
    pub(crate) fn of(pairs: &[(&str, &str)]) -> StyleMap {
        StyleMap(
            pairs
                .iter()
                .map(|(yttra, theirs)| (yttra.to_string(), theirs.to_string()))
                .collect(),
        )
    }

    /// Rewrites the style references (`w:pStyle`, `w:rStyle`, `w:tblStyle`, and a style's
    /// `w:basedOn`, `w:next` and `w:link`) of one element.
    pub fn remap(&self, element: &mut Element) {
        if matches!(
            element.name.as_ref(),
            "w:pStyle" | "w:rStyle" | "w:tblStyle" | "w:basedOn" | "w:next" | "w:link"
        ) {
            let mapped = element
                .attribute("w:val")
                .and_then(|id| self.0.get(id))
                .cloned();
            if let Some(mapped) = mapped {
                element.set_attribute("w:val", &mapped);
            }
        }
    }
}

/// One style of a sheet: its type, id and lowercase name.
#[derive(Debug, Default)]
struct StyleKey {
    kind: String,
    id: String,
    name: String,
    default: bool,
}

impl StyleKey {
    /// The template's style that is the same built-in style as this one of Yttra's (the
    /// template's default paragraph style for Yttra's Normal).
    fn match_in<'k>(&self, theirs: &'k [StyleKey]) -> Option<&'k StyleKey> {
        let same_kind = |candidate: &&StyleKey| candidate.kind == self.kind;
        let by_name = || {
            theirs
                .iter()
                .filter(same_kind)
                .find(|candidate| same_style(&candidate.name, &self.name))
        };
        if self.id == "Normal" {
            // The default paragraph style; LibreOffice does not mark it default, but names it
            // "Normal" as Word does.
            return theirs
                .iter()
                .filter(same_kind)
                .find(|candidate| candidate.default)
                .or_else(by_name);
        }
        by_name()
    }
}

/// The styles of a parsed sheet (Yttra's).
fn style_keys(styles: &Element) -> Vec<StyleKey> {
    styles
        .child_elements()
        .filter(|style| style.name == "w:style")
        .map(|style| StyleKey {
            kind: style.attribute("w:type").unwrap_or("paragraph").to_string(),
            id: style.attribute("w:styleId").unwrap_or_default().to_string(),
            name: style
                .first_child("w:name")
                .and_then(|name| name.attribute("w:val"))
                .unwrap_or_default()
                .to_lowercase(),
            default: matches!(style.attribute("w:default"), Some("1" | "true" | "on")),
        })
        .collect()
}

/// The styles of a template's sheet, read as a stream: a template's sheet may hold hundreds of
/// styles, and only their ids and names are needed, so no tree is built.
fn scan_style_keys(styles: &[u8]) -> Result<Vec<StyleKey>, String> {
    let mut reader = Reader::from_reader(styles);
    let mut keys = Vec::new();
    let mut current: Option<StyleKey> = None;
    loop {
        match reader.read_event().map_err(|error| error.to_string())? {
            Event::Start(tag) | Event::Empty(tag) if tag.name().as_ref() == b"w:style" => {
                if let Some(done) = current.take() {
                    keys.push(done);
                }
                let mut key = StyleKey {
                    kind: "paragraph".to_string(),
                    ..StyleKey::default()
                };
                for attribute in tag.attributes().flatten() {
                    let value = String::from_utf8_lossy(&attribute.value).into_owned();
                    match attribute.key.as_ref() {
                        b"w:type" => key.kind = value,
                        b"w:styleId" => key.id = value,
                        b"w:default" => key.default = matches!(value.as_str(), "1" | "true" | "on"),
                        _ => {}
                    }
                }
                current = Some(key);
            }
            Event::Start(tag) | Event::Empty(tag) if tag.name().as_ref() == b"w:name" => {
                if let Some(key) = current.as_mut() {
                    if let Some(value) = tag
                        .attributes()
                        .flatten()
                        .find(|attribute| attribute.key.as_ref() == b"w:val")
                    {
                        key.name = String::from_utf8_lossy(&value.value).to_lowercase();
                    }
                }
            }
            Event::End(tag) if tag.name().as_ref() == b"w:style" => {
                keys.extend(current.take());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    keys.extend(current);
    Ok(keys)
}

/// Whether two style names are the same built-in style.
fn same_style(a: &str, b: &str) -> bool {
    a == b
        || NAMES
            .iter()
            .any(|names| names.contains(&a) && names.contains(&b))
}

/// Merges Yttra's styles into the template's sheet (`template`, its bytes) and returns the
/// merged sheet and how Yttra's ids map. The styles the template lacks are written before its
/// closing tag; the rest of its sheet is kept byte for byte.
pub fn merge_styles(template: &[u8], yttra: &Element) -> Result<(Vec<u8>, StyleMap), String> {
    let theirs = scan_style_keys(template)?;
    let ours = style_keys(yttra);
    let mut map = HashMap::new();
    let mut missing = Vec::new();
    for style in &ours {
        match style.match_in(&theirs) {
            Some(candidate) => {
                map.insert(style.id.clone(), candidate.id.clone());
            }
            None => {
                let id = (0..)
                    .map(|n| match n {
                        0 => style.id.clone(),
                        1 => format!("Yttra{}", style.id),
                        n => format!("Yttra{}{n}", style.id),
                    })
                    .find(|id| !theirs.iter().any(|candidate| &candidate.id == id))
                    .expect("a free id exists");
                map.insert(style.id.clone(), id);
                missing.push(style.id.clone());
            }
        }
    }
    let map = StyleMap(map);
    let mut added = String::new();
    for style in yttra
        .child_elements()
        .filter(|style| style.name == "w:style")
    {
        let id = style.attribute("w:styleId").unwrap_or_default();
        if !missing.iter().any(|m| m == id) {
            continue;
        }
        let mut copy = style.clone();
        copy.remove_attribute("w:default");
        copy.set_attribute("w:styleId", map.id(id));
        copy.walk_mut(&mut |element| map.remap(element));
        added.push_str(&xml_tree::write(&XmlDocument {
            declaration: None,
            root: copy,
        }));
    }
    let closing = find_last(template, b"</w:styles>")
        .ok_or_else(|| "mallens formatmallar saknar sitt slut".to_string())?;
    let mut merged = Vec::with_capacity(template.len() + added.len());
    merged.extend_from_slice(&template[..closing]);
    merged.extend_from_slice(added.as_bytes());
    merged.extend_from_slice(&template[closing..]);
    Ok((merged, map))
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|window| window == needle)
}

/// For the settings page: which template style each kind of Yttra paragraph gets.
pub fn style_uses(template: &[u8], yttra: &Element) -> Vec<StyleUse> {
    let theirs = scan_style_keys(template).unwrap_or_default();
    let ours = style_keys(yttra);
    ROLES
        .iter()
        .map(|(yttra_id, role)| StyleUse {
            role: role.to_string(),
            template_style: ours
                .iter()
                .find(|style| style.id == *yttra_id)
                .and_then(|style| style.match_in(&theirs))
                .map(|candidate| candidate.id.clone()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml_tree::parse;

    #[test]
    fn swedish_ids_are_matched_by_the_built_in_name_and_missing_styles_added() {
        let template = br#"<w:styles><w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Egen titel"/></w:style></w:styles>"#;
        let yttra = br#"<w:styles><w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style></w:styles>"#;
        let yttra = parse(yttra).expect("xml");
        let (merged, map) = merge_styles(template, &yttra.root).expect("merges");
        assert_eq!(map.id("Normal"), "Standard");
        let unmarked = br#"<w:styles><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#;
        let (_, libreoffice) = merge_styles(unmarked, &yttra.root).expect("merges");
        assert_eq!(
            libreoffice.id("Normal"),
            "Normal",
            "LibreOffice leaves Normal unmarked"
        );
        assert_eq!(map.id("Heading1"), "Rubrik1");
        // The template's "Title" id is another style, so Yttra's title is added under a new id.
        assert_eq!(map.id("Title"), "YttraTitle");
        let added = String::from_utf8(merged).expect("utf-8");
        assert!(
            added.contains(r#"<w:style w:type="paragraph" w:styleId="YttraTitle"><w:name w:val="Title"/><w:basedOn w:val="Standard"/></w:style>"#),
            "{added}"
        );
    }
}
