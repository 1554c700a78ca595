//! Yttra's styles matched to a template's: by the built-in style they are, not by id. Word
//! stores a built-in style's English name (`heading 1`) whatever its id, and a Swedish Word
//! names the id `Rubrik1`; other tools may write the Swedish name. A style the template lacks is
//! added from Yttra's sheet, under an id the template does not use.

use std::collections::HashMap;

use schemas::template::StyleUse;

use crate::xml_tree::{Element, Node};

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

    /// Rewrites the style references (`w:pStyle`, `w:rStyle`, `w:tblStyle`) of one element.
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
struct StyleKey {
    kind: String,
    id: String,
    name: String,
    default: bool,
}

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

/// Whether two style names are the same built-in style.
fn same_style(a: &str, b: &str) -> bool {
    a == b
        || NAMES
            .iter()
            .any(|names| names.contains(&a) && names.contains(&b))
}

/// Merges Yttra's styles into the template's sheet and returns how Yttra's ids map. `template`
/// is changed in place; `yttra` is Yttra's parsed `word/styles.xml`.
pub fn merge_styles<'a>(template: &mut Element<'a>, yttra: &Element<'a>) -> StyleMap {
    let theirs = style_keys(template);
    let ours = style_keys(yttra);
    let mut map = HashMap::new();
    let mut missing = Vec::new();
    for style in &ours {
        let matched = theirs.iter().find(|candidate| {
            candidate.kind == style.kind
                && if style.id == "Normal" {
                    candidate.default
                } else {
                    same_style(&candidate.name, &style.name)
                }
        });
        match matched {
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
    for style in yttra
        .child_elements()
        .filter(|style| style.name == "w:style")
    {
        let id = style.attribute("w:styleId").unwrap_or_default();
        if !missing.iter().any(|m| m == id) {
            continue;
        }
        let mut added = style.clone();
        added.remove_attribute("w:default");
        added.set_attribute("w:styleId", map.id(id));
        added.walk_mut(&mut |element| map.remap(element));
        template.children.push(Node::Element(added));
    }
    map
}

/// For the settings page: which template style each kind of Yttra paragraph gets.
pub fn style_uses(template: &Element, yttra: &Element) -> Vec<StyleUse> {
    let theirs = style_keys(template);
    let ours = style_keys(yttra);
    ROLES
        .iter()
        .map(|(yttra_id, role)| {
            let style = ours.iter().find(|style| style.id == *yttra_id);
            let template_style = style.and_then(|style| {
                theirs
                    .iter()
                    .find(|candidate| {
                        candidate.kind == style.kind
                            && if style.id == "Normal" {
                                candidate.default
                            } else {
                                same_style(&candidate.name, &style.name)
                            }
                    })
                    .map(|candidate| candidate.id.clone())
            });
            StyleUse {
                role: role.to_string(),
                template_style,
            }
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
        let mut template = parse(template).expect("xml");
        let yttra = parse(yttra).expect("xml");
        let map = merge_styles(&mut template.root, &yttra.root);
        assert_eq!(map.id("Normal"), "Standard");
        assert_eq!(map.id("Heading1"), "Rubrik1");
        // The template's "Title" id is another style, so Yttra's title is added under a new id.
        assert_eq!(map.id("Title"), "YttraTitle");
        let added = crate::xml_tree::write(&template);
        assert!(
            added.contains(r#"<w:style w:type="paragraph" w:styleId="YttraTitle"><w:name w:val="Title"/><w:basedOn w:val="Standard"/></w:style>"#),
            "{added}"
        );
    }
}
