//! A small, lossless XML tree for rewriting package parts.
//!
//! Text and attribute values stay in their escaped form from parse to write, so rewriting a part
//! never changes content it did not mean to touch. Only what OOXML parts contain is supported:
//! a declaration, elements, text, CDATA and comments.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    /// Escaped character data, written back as is.
    Text(String),
    CData(String),
    Comment(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// The qualified name, e.g. `w:pPr`.
    pub name: String,
    /// Attributes in document order, values escaped.
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
}

/// A parsed part: the optional declaration and the root element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XmlDocument {
    pub declaration: Option<String>,
    pub root: Element,
}

impl Element {
    pub fn new(name: &str) -> Element {
        Element {
            name: name.to_string(),
            attributes: Vec::new(),
            children: Vec::new(),
        }
    }

    pub fn with_attribute(mut self, name: &str, value: &str) -> Element {
        self.set_attribute(name, value);
        self
    }

    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn set_attribute(&mut self, name: &str, value: &str) {
        match self.attributes.iter_mut().find(|(key, _)| key == name) {
            Some((_, existing)) => *existing = value.to_string(),
            None => self.attributes.push((name.to_string(), value.to_string())),
        }
    }

    pub fn remove_attribute(&mut self, name: &str) {
        self.attributes.retain(|(key, _)| key != name);
    }

    pub fn child_elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            _ => None,
        })
    }

    pub fn child_elements_mut(&mut self) -> impl Iterator<Item = &mut Element> {
        self.children.iter_mut().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            _ => None,
        })
    }

    pub fn first_child_mut(&mut self, name: &str) -> Option<&mut Element> {
        self.child_elements_mut().find(|child| child.name == name)
    }

    /// The child with this name, created at the end when missing.
    pub fn child_or_insert(&mut self, name: &str) -> &mut Element {
        let position = self
            .children
            .iter()
            .position(|node| matches!(node, Node::Element(e) if e.name == name));
        let index = match position {
            Some(index) => index,
            None => {
                self.children.push(Node::Element(Element::new(name)));
                self.children.len() - 1
            }
        };
        match &mut self.children[index] {
            Node::Element(element) => element,
            // The index points at an element by construction.
            _ => unreachable!("child_or_insert indexes an element"),
        }
    }

    /// Calls `visit` on this element and every element below it, parents first.
    pub fn walk_mut(&mut self, visit: &mut dyn FnMut(&mut Element)) {
        visit(self);
        for child in self.child_elements_mut() {
            child.walk_mut(visit);
        }
    }

    /// All text below this element, unescaped, in document order.
    pub fn text_content(&self) -> String {
        let mut text = String::new();
        self.collect_text(&mut text);
        text
    }

    fn collect_text(&self, out: &mut String) {
        for child in &self.children {
            match child {
                Node::Element(element) => element.collect_text(out),
                Node::Text(escaped) => out.push_str(&unescape(escaped)),
                Node::CData(text) => out.push_str(text),
                Node::Comment(_) => {}
            }
        }
    }
}

/// Why a part could not be read as XML.
#[derive(Debug, PartialEq, Eq)]
pub struct XmlError(pub String);

impl std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ogiltig XML: {}", self.0)
    }
}

pub fn parse(bytes: &[u8]) -> Result<XmlDocument, XmlError> {
    let mut reader = Reader::from_reader(bytes);
    let mut buffer = Vec::new();
    let mut declaration = None;
    let mut stack: Vec<Element> = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buffer)
            .map_err(|e| XmlError(e.to_string()))?;
        match event {
            Event::Decl(decl) => {
                declaration = Some(format!("<?{}?>", String::from_utf8_lossy(&decl)));
            }
            Event::Start(start) => stack.push(element_from(&start)?),
            Event::Empty(start) => {
                let element = element_from(&start)?;
                if let Some(done) = attach(&mut stack, element) {
                    return Ok(XmlDocument {
                        declaration,
                        root: done,
                    });
                }
            }
            Event::End(_) => {
                let element = stack
                    .pop()
                    .ok_or_else(|| XmlError("slutelement utan början".into()))?;
                if let Some(done) = attach(&mut stack, element) {
                    return Ok(XmlDocument {
                        declaration,
                        root: done,
                    });
                }
            }
            Event::Text(text) => push_child(&mut stack, Node::Text(utf8(&text)?)),
            Event::CData(text) => push_child(&mut stack, Node::CData(utf8(&text)?)),
            Event::Comment(text) => push_child(&mut stack, Node::Comment(utf8(&text)?)),
            Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => return Err(XmlError("inget rotelement".into())),
        }
        buffer.clear();
    }
}

fn utf8(bytes: &[u8]) -> Result<String, XmlError> {
    String::from_utf8(bytes.to_vec()).map_err(|_| XmlError("ogiltig UTF-8".into()))
}

fn element_from(start: &BytesStart) -> Result<Element, XmlError> {
    let mut element = Element::new(&utf8(start.name().as_ref())?);
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|e| XmlError(e.to_string()))?;
        element
            .attributes
            .push((utf8(attribute.key.as_ref())?, utf8(&attribute.value)?));
    }
    Ok(element)
}

/// Adds a finished element to its parent; returns it when it was the root.
fn attach(stack: &mut [Element], element: Element) -> Option<Element> {
    match stack.last_mut() {
        Some(parent) => {
            parent.children.push(Node::Element(element));
            None
        }
        None => Some(element),
    }
}

fn push_child(stack: &mut [Element], node: Node) {
    // Text outside the root (whitespace between declaration and root) is dropped.
    if let Some(parent) = stack.last_mut() {
        parent.children.push(node);
    }
}

/// Writes the document compactly, as Word writes it.
pub fn write(document: &XmlDocument) -> String {
    let mut out = String::new();
    if let Some(declaration) = &document.declaration {
        out.push_str(declaration);
    }
    write_element(&document.root, &mut out, None, 0);
    out
}

/// Writes the document with one element per line, for golden files that a reviewer reads as a
/// diff. Elements holding text stay on one line.
pub fn write_pretty(document: &XmlDocument) -> String {
    let mut out = String::new();
    write_element(&document.root, &mut out, Some("  "), 0);
    out.push('\n');
    out
}

fn write_element(element: &Element, out: &mut String, indent: Option<&str>, depth: usize) {
    if let Some(unit) = indent {
        if depth > 0 {
            out.push('\n');
        }
        out.push_str(&unit.repeat(depth));
    }
    out.push('<');
    out.push_str(&element.name);
    for (key, value) in &element.attributes {
        out.push_str(&format!(" {key}=\"{value}\""));
    }
    if element.children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    let holds_text = element
        .children
        .iter()
        .any(|child| matches!(child, Node::Text(_) | Node::CData(_)));
    let child_indent = if holds_text { None } else { indent };
    for child in &element.children {
        match child {
            Node::Element(inner) => write_element(inner, out, child_indent, depth + 1),
            Node::Text(text) => out.push_str(text),
            Node::CData(text) => out.push_str(&format!("<![CDATA[{text}]]>")),
            Node::Comment(text) => out.push_str(&format!("<!--{text}-->")),
        }
    }
    if let (Some(unit), false) = (indent, holds_text) {
        out.push('\n');
        out.push_str(&unit.repeat(depth));
    }
    out.push_str(&format!("</{}>", element.name));
}

/// Escapes text for element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn unescape(text: &str) -> String {
    quick_xml::escape::unescape(text)
        .map(|cow| cow.into_owned())
        .unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_a_part_unchanged() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t xml:space="preserve">A &amp; B &lt;C&gt; åäö</w:t></w:r></w:p><w:sectPr/></w:body></w:document>"#;
        let document = parse(xml.as_bytes()).expect("parses");
        assert_eq!(write(&document), xml);
        assert_eq!(document.root.text_content(), "A & B <C> åäö");
    }

    #[test]
    fn pretty_output_keeps_text_elements_on_one_line() {
        let document = parse(b"<a><b><c>x</c></b><d/></a>").expect("parses");
        assert_eq!(
            write_pretty(&document),
            "<a>\n  <b>\n    <c>x</c>\n  </b>\n  <d/>\n</a>\n"
        );
    }

    #[test]
    fn malformed_xml_is_an_error_not_a_panic() {
        for xml in ["", "<a>", "</a>", "<a><b></a>", "<a x=1/>", "\u{0}"] {
            assert!(parse(xml.as_bytes()).is_err(), "{xml:?}");
        }
    }
}
