//! Fills a template's fields from the case: `{{diarienummer}}` placeholders in paragraphs (also
//! when Word has split one over several runs, as spelling marks and edits do), content controls
//! whose tag or title names a field, and custom document properties of that name.

use std::collections::BTreeSet;

use schemas::template::field_key;

use crate::xml_tree::{unescape, Element, Node};

/// The value of each field for one document (see `schemas::template::TEMPLATE_FIELDS`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldValues(Vec<(&'static str, String)>);

impl FieldValues {
    pub fn new(values: impl IntoIterator<Item = (&'static str, String)>) -> FieldValues {
        FieldValues(values.into_iter().collect())
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(known, _)| *known == key)
            .map(|(_, value)| value.as_str())
    }
}

/// What filling found: the known fields the template asks for and the placeholders it names
/// that Yttra does not know (left as they are).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FillReport {
    pub found: BTreeSet<&'static str>,
    pub unknown: BTreeSet<String>,
    /// Filled content controls bound to a custom XML part: Word shows the part's value, not
    /// the control's text, so the value must be written there too.
    pub bindings: Vec<Binding>,
}

/// A content control's binding (`w:dataBinding`) and the value written in the control.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    /// The custom XML part's datastore id, e.g. `{4B2C0A8E-…}`.
    pub store_item: String,
    /// The element the control shows, e.g. `/ns0:arende[1]/ns0:dnr[1]`.
    pub xpath: String,
    pub value: String,
}

/// Fills every field below `root` (a body, header or footer part); with no values, only finds
/// them.
pub fn fill_part(root: &mut Element, values: Option<&FieldValues>, report: &mut FillReport) {
    if root.name == "w:sdt" {
        fill_control(root, values, report);
    }
    if root.name == "w:p" {
        fill_placeholders(root, values, report);
        fill_property_fields(root, values, report);
    }
    for child in root.child_elements_mut() {
        fill_part(child, values, report);
    }
}

/// The `w:t` elements of a paragraph in reading order, not those of a text box inside it (its
/// paragraphs are filled on their own).
fn for_each_text<'e, 'a>(element: &'e mut Element<'a>, visit: &mut dyn FnMut(&mut Element<'a>)) {
    for child in element.child_elements_mut() {
        match child.name.as_ref() {
            "w:t" => visit(child),
            "w:txbxContent" | "w:p" => {}
            _ => for_each_text(child, visit),
        }
    }
}

/// A placeholder in a paragraph's text: where it starts and ends (bytes of the joined text) and
/// what replaces it.
struct Placeholder<'v> {
    start: usize,
    end: usize,
    value: &'v str,
}

fn fill_placeholders(
    paragraph: &mut Element,
    values: Option<&FieldValues>,
    report: &mut FillReport,
) {
    let mut texts = Vec::new();
    for_each_text(paragraph, &mut |text| texts.push(text.text_content()));
    let joined = texts.concat();
    if !joined.contains("{{") {
        return;
    }
    let placeholders = find_placeholders(&joined, values, report);
    if placeholders.is_empty() {
        return;
    }
    let rewritten = rewrite_texts(&texts, &placeholders);
    let mut index = 0;
    for_each_text(paragraph, &mut |text| {
        if rewritten[index] != texts[index] {
            text.set_text(&rewritten[index]);
            text.set_attribute("xml:space", "preserve");
        }
        index += 1;
    });
}

/// Every `{{name}}` in `text`; known names with a value are returned to be replaced, unknown
/// ones are reported.
fn find_placeholders<'v>(
    text: &str,
    values: Option<&'v FieldValues>,
    report: &mut FillReport,
) -> Vec<Placeholder<'v>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("{{").map(|at| from + at) {
        let Some(close) = text[open + 2..].find("}}").map(|at| open + 2 + at) else {
            break;
        };
        let name = &text[open + 2..close];
        // `{{ {{x}}`: the inner pair is the placeholder.
        if name.contains("{{") {
            from = open + 2;
            continue;
        }
        match field_key(name) {
            Some(key) => {
                report.found.insert(key);
                if let Some(value) = values.and_then(|values| values.get(key)) {
                    found.push(Placeholder {
                        start: open,
                        end: close + 2,
                        value,
                    });
                }
            }
            None => {
                report.unknown.insert(format!("{{{{{}}}}}", name.trim()));
            }
        }
        from = close + 2;
    }
    found
}

/// The paragraph's texts with the placeholders replaced: a value goes where its placeholder
/// starts, and the rest of the placeholder is taken out of whichever runs held it.
fn rewrite_texts(texts: &[String], placeholders: &[Placeholder]) -> Vec<String> {
    let mut offset = 0;
    texts
        .iter()
        .map(|text| {
            let mut out = String::with_capacity(text.len());
            for (at, character) in text.char_indices() {
                let position = offset + at;
                match placeholders
                    .iter()
                    .find(|p| p.start <= position && position < p.end)
                {
                    Some(placeholder) if placeholder.start == position => {
                        out.push_str(placeholder.value)
                    }
                    Some(_) => {}
                    None => out.push(character),
                }
            }
            offset += text.len();
            out
        })
        .collect()
}

/// The field a `DOCPROPERTY` field code shows, when its property is named after one:
/// ` DOCPROPERTY  "Diarienummer"  \* MERGEFORMAT ` is the diarienummer.
fn property_field(code: &str) -> Option<&'static str> {
    let mut words = code.split_whitespace();
    if !words.next()?.eq_ignore_ascii_case("DOCPROPERTY") {
        return None;
    }
    field_key(words.next()?.trim_matches('"'))
}

/// Word shows a field's last result until fields are updated, so a `DOCPROPERTY` field naming a
/// filled property gets the value as its result too: a simple field (`w:fldSimple`) or one
/// spread over runs (begin, code, separate, result, end) within the paragraph.
fn fill_property_fields(
    paragraph: &mut Element,
    values: Option<&FieldValues>,
    report: &mut FillReport,
) {
    let value_of = |code: &str, report: &mut FillReport| {
        let key = property_field(code)?;
        report.found.insert(key);
        values?.get(key).map(str::to_string)
    };
    for child in paragraph.child_elements_mut() {
        if child.name == "w:fldSimple" {
            let code = unescape(child.attribute("w:instr").unwrap_or_default());
            if let Some(value) = value_of(&code, report) {
                set_content_text(child, &value, false);
            }
        }
    }
    // The complex fields: a small state machine over the paragraph's runs, outermost fields only.
    let mut depth = 0_u32;
    let mut code = String::new();
    let mut result: Option<(String, bool)> = None;
    for run in paragraph.child_elements_mut().filter(|e| e.name == "w:r") {
        for part in run.child_elements_mut() {
            match (part.name.as_ref(), part.attribute("w:fldCharType")) {
                ("w:fldChar", Some("begin")) => {
                    depth += 1;
                    if depth == 1 {
                        code.clear();
                        result = None;
                    }
                }
                ("w:instrText", _) if depth == 1 => code.push_str(&part.text_content()),
                ("w:fldChar", Some("separate")) if depth == 1 => {
                    result = value_of(&code, report).map(|value| (value, true));
                }
                ("w:fldChar", Some("end")) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        result = None;
                    }
                }
                ("w:t", _) if depth == 1 => {
                    if let Some((value, first)) = result.as_mut() {
                        part.set_text(if *first { value } else { "" });
                        part.set_attribute("xml:space", "preserve");
                        *first = false;
                    }
                }
                _ => {}
            }
        }
    }
}

/// A content control whose tag or title (alias) names a field gets the field's value in place
/// of its content, and stops showing placeholder text.
fn fill_control(control: &mut Element, values: Option<&FieldValues>, report: &mut FillReport) {
    let Some(properties) = control.first_child("w:sdtPr") else {
        return;
    };
    let named = |name: &str| {
        properties
            .first_child(name)
            .and_then(|element| element.attribute("w:val"))
            .and_then(field_key)
    };
    let Some(key) = named("w:tag").or_else(|| named("w:alias")) else {
        return;
    };
    report.found.insert(key);
    let Some(value) = values.and_then(|values| values.get(key)) else {
        return;
    };
    if let Some(binding) = properties.first_child("w:dataBinding") {
        if let (Some(store_item), Some(xpath)) = (
            binding.attribute("w:storeItemID"),
            binding.attribute("w:xpath"),
        ) {
            report.bindings.push(Binding {
                store_item: store_item.to_string(),
                xpath: unescape(xpath),
                value: value.to_string(),
            });
        }
    }
    let properties = control.first_child_mut("w:sdtPr").expect("looked up above");
    let showed_placeholder = properties.first_child("w:showingPlcHdr").is_some();
    properties
        .children
        .retain(|node| !matches!(node, Node::Element(e) if e.name == "w:showingPlcHdr"));
    if key == "datum" {
        if let Some(date) = properties.first_child_mut("w:date") {
            date.set_attribute("w:fullDate", &format!("{value}T00:00:00Z"));
        }
    }
    let content = control.child_or_insert("w:sdtContent");
    set_content_text(content, value, showed_placeholder);
}

/// Puts `value` in the first text of a control's content and empties the rest; placeholder
/// formatting (Word's grey "Placeholder Text" style) goes with the placeholder.
fn set_content_text(content: &mut Element, value: &str, drop_run_styles: bool) {
    let mut first = true;
    for_each_text_in(content, &mut |text| {
        text.set_text(if first { value } else { "" });
        text.set_attribute("xml:space", "preserve");
        first = false;
    });
    if first {
        add_text(content, value);
    }
    if drop_run_styles {
        content.walk_mut(&mut |element| {
            if element.name == "w:rPr" {
                element
                    .children
                    .retain(|node| !matches!(node, Node::Element(e) if e.name == "w:rStyle"));
            }
        });
    }
}

/// Every `w:t` below `element`, paragraphs included.
fn for_each_text_in<'a>(element: &mut Element<'a>, visit: &mut dyn FnMut(&mut Element<'a>)) {
    for child in element.child_elements_mut() {
        if child.name == "w:t" {
            visit(child);
        } else {
            for_each_text_in(child, visit);
        }
    }
}

/// A control with no text at all gets a run: in its first paragraph, or as its only content.
fn add_text(content: &mut Element, value: &str) {
    let mut text = Element::new("w:t").with_attribute("xml:space", "preserve");
    text.set_text(value);
    let mut run = Element::new("w:r");
    run.children.push(Node::Element(text));
    if content.first_child("w:p").is_some() {
        if let Some(paragraph) = content.first_child_mut("w:p") {
            paragraph.children.push(Node::Element(run));
        }
    } else if !content
        .child_elements()
        .any(|e| matches!(e.name.as_ref(), "w:tbl" | "w:tr" | "w:tc"))
    {
        // A control inside a paragraph takes a run; one around tables, rows or cells none.
        content.children.push(Node::Element(run));
    }
}

/// Custom document properties (`docProps/custom.xml`) named after a field get its value: case
/// systems read metadata from them as well as from content controls.
pub fn fill_custom_properties(
    root: &mut Element,
    values: Option<&FieldValues>,
    report: &mut FillReport,
) {
    for property in root.child_elements_mut() {
        let Some(key) = property.attribute("name").and_then(field_key) else {
            continue;
        };
        report.found.insert(key);
        let Some(value) = values.and_then(|values| values.get(key)) else {
            continue;
        };
        let mut text = Element::new("vt:lpwstr");
        text.set_text(value);
        property.children = vec![Node::Element(text)];
    }
}

/// Writes `value` into the element of a custom XML part that `xpath` names. Content controls
/// bind with simple paths of named, numbered steps (`/ns0:arende[1]/ns0:dnr[1]`); steps are
/// matched by local name. Returns false when the path names no element.
pub fn set_bound_value(root: &mut Element, xpath: &str, value: &str) -> bool {
    let mut steps = xpath
        .split('/')
        .filter(|step| !step.is_empty())
        .map(parse_step);
    let Some((name, 1)) = steps.next() else {
        return false;
    };
    if local_name(&root.name) != name {
        return false;
    }
    let mut element = root;
    for (name, index) in steps {
        let Some(next) = element
            .child_elements_mut()
            .filter(|child| local_name(&child.name) == name)
            .nth(index.saturating_sub(1))
        else {
            return false;
        };
        element = next;
    }
    element.set_text(value);
    true
}

/// A path step's local name and 1-based index: `ns0:dnr[2]` is `("dnr", 2)`.
fn parse_step(step: &str) -> (&str, usize) {
    let (name, index) = match step.split_once('[') {
        Some((name, rest)) => (name, rest.trim_end_matches(']').parse().unwrap_or(1)),
        None => (step, 1),
    };
    (local_name(name), index)
}

fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Whether a paragraph is the `[Yttra]` marker.
pub fn is_marker(paragraph: &Element) -> bool {
    paragraph.name == "w:p"
        && paragraph
            .text_content()
            .trim()
            .eq_ignore_ascii_case("[yttra]")
}

/// Whether a content control is tagged (or titled) `yttra`.
pub fn is_yttra_control(control: &Element) -> bool {
    control.name == "w:sdt"
        && control.first_child("w:sdtPr").is_some_and(|properties| {
            ["w:tag", "w:alias"].iter().any(|name| {
                properties
                    .first_child(name)
                    .and_then(|element| element.attribute("w:val"))
                    .is_some_and(|value| unescape(value).trim().eq_ignore_ascii_case("yttra"))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml_tree::{parse, write};

    fn filled(xml: &str) -> (String, FillReport) {
        let mut document = parse(xml.as_bytes()).expect("xml");
        let values = FieldValues::new([
            ("diarienummer", "KS 2025/12".to_string()),
            ("datum", "2025-04-02".to_string()),
        ]);
        let mut report = FillReport::default();
        fill_part(&mut document.root, Some(&values), &mut report);
        (write(&document), report)
    }

    #[test]
    fn a_placeholder_split_over_runs_is_filled_in_the_first() {
        let (xml, report) = filled(
            r#"<w:p><w:r><w:t>Dnr {{dia</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>rienummer}} av</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            xml,
            r#"<w:p><w:r><w:t xml:space="preserve">Dnr KS 2025/12</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> av</w:t></w:r></w:p>"#
        );
        assert!(report.found.contains("diarienummer"));
    }

    #[test]
    fn unknown_placeholders_stay_and_are_reported() {
        let (xml, report) = filled(r#"<w:p><w:r><w:t>{{ kontor }} {{datum}}</w:t></w:r></w:p>"#);
        assert!(xml.contains("{{ kontor }} 2025-04-02"), "{xml}");
        assert_eq!(
            report.unknown.into_iter().collect::<Vec<_>>(),
            ["{{kontor}}"]
        );
    }

    #[test]
    fn a_content_control_named_by_its_title_is_filled_and_shows_no_placeholder() {
        let (xml, _) = filled(
            r#"<w:sdt><w:sdtPr><w:alias w:val="Datum"/><w:showingPlcHdr/><w:date w:fullDate=""/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="Platshllartext"/></w:rPr><w:t>Välj datum</w:t></w:r></w:sdtContent></w:sdt>"#,
        );
        assert_eq!(
            xml,
            r#"<w:sdt><w:sdtPr><w:alias w:val="Datum"/><w:date w:fullDate="2025-04-02T00:00:00Z"/></w:sdtPr><w:sdtContent><w:r><w:rPr/><w:t xml:space="preserve">2025-04-02</w:t></w:r></w:sdtContent></w:sdt>"#
        );
    }

    #[test]
    fn a_bound_control_gets_its_value_in_the_custom_xml_too() {
        let (_, report) = filled(
            r#"<w:sdt><w:sdtPr><w:tag w:val="diarienummer"/><w:dataBinding w:prefixMappings="xmlns:ns0='urn:x'" w:xpath="/ns0:arende[1]/ns0:dnr[1]" w:storeItemID="{AB}"/></w:sdtPr><w:sdtContent><w:r><w:t>x</w:t></w:r></w:sdtContent></w:sdt>"#,
        );
        let [binding] = report.bindings.as_slice() else {
            panic!("one binding: {report:?}");
        };
        let mut part =
            parse(br#"<arende xmlns="urn:x"><handlaggare/><dnr/></arende>"#).expect("xml");
        assert!(set_bound_value(
            &mut part.root,
            &binding.xpath,
            &binding.value
        ));
        assert_eq!(
            write(&part),
            r#"<arende xmlns="urn:x"><handlaggare/><dnr>KS 2025/12</dnr></arende>"#
        );
        assert!(!set_bound_value(
            &mut part.root,
            "/ns0:arende[1]/ns0:saknas[1]",
            "x"
        ));
    }

    #[test]
    fn docproperty_fields_show_the_filled_value() {
        let (xml, report) = filled(concat!(
            r#"<w:p><w:fldSimple w:instr=" DOCPROPERTY  Diarienummer  \* MERGEFORMAT "><w:r><w:t>Diarienummer</w:t></w:r></w:fldSimple>"#,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DOCPROPERTY "Datum" </w:instrText></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>gammalt</w:t></w:r><w:r><w:t>värde</w:t></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t> kvar</w:t></w:r></w:p>"#
        ));
        assert!(
            xml.contains(r#"<w:t xml:space="preserve">KS 2025/12</w:t></w:r></w:fldSimple>"#),
            "{xml}"
        );
        assert!(xml.contains(r#"<w:t xml:space="preserve">2025-04-02</w:t></w:r><w:r><w:t xml:space="preserve"></w:t>"#), "{xml}");
        assert!(
            xml.contains("<w:t> kvar</w:t>"),
            "text after the field stays: {xml}"
        );
        assert!(report.found.contains("datum") && report.found.contains("diarienummer"));
    }

    #[test]
    fn the_marker_and_the_yttra_control_are_recognised() {
        let marker = parse(b"<w:p><w:r><w:t> [Yttra] </w:t></w:r></w:p>").expect("xml");
        assert!(is_marker(&marker.root));
        let control =
            parse(br#"<w:sdt><w:sdtPr><w:tag w:val="yttra"/></w:sdtPr></w:sdt>"#).expect("xml");
        assert!(is_yttra_control(&control.root));
    }
}
