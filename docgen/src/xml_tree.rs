//! A small, lossless XML tree for rewriting package parts.
//!
//! Text and attribute values stay in their escaped form from parse to write, so rewriting a part
//! never changes content it did not mean to touch. Only what OOXML parts contain is supported:
//! a declaration, elements, text, CDATA and comments.
//!
//! Names, attributes and text borrow from the input wherever possible: a large yttrande has tens
//! of thousands of elements, and copying each name and value was most of the normalising time.

use std::borrow::Cow;

use quick_xml::events::attributes::Attributes;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node<'a> {
    Element(Element<'a>),
    /// Escaped character data, written back as is.
    Text(Cow<'a, str>),
    CData(Cow<'a, str>),
    Comment(Cow<'a, str>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element<'a> {
    /// The qualified name, e.g. `w:pPr`.
    pub name: Cow<'a, str>,
    /// Attributes in document order, values escaped.
    pub attributes: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    pub children: Vec<Node<'a>>,
}

/// A parsed part: the optional declaration and the root element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XmlDocument<'a> {
    pub declaration: Option<String>,
    pub root: Element<'a>,
}

impl<'a> Element<'a> {
    pub fn new(name: impl Into<Cow<'a, str>>) -> Element<'a> {
        Element {
            name: name.into(),
            attributes: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Adds or replaces an attribute; the value is escaped here.
    pub fn with_attribute(mut self, name: &'static str, value: &str) -> Element<'a> {
        self.set_attribute(name, value);
        self
    }

    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_ref())
    }

    /// Adds or replaces an attribute; the value is escaped here.
    pub fn set_attribute(&mut self, name: &'static str, value: &str) {
        let value = Cow::Owned(escape(value));
        match self.attributes.iter_mut().find(|(key, _)| key == name) {
            Some((_, existing)) => *existing = value,
            None => self.attributes.push((Cow::Borrowed(name), value)),
        }
    }

    pub fn remove_attribute(&mut self, name: &str) {
        self.attributes.retain(|(key, _)| key != name);
    }

    pub fn child_elements(&self) -> impl Iterator<Item = &Element<'a>> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            _ => None,
        })
    }

    pub fn child_elements_mut(&mut self) -> impl Iterator<Item = &mut Element<'a>> {
        self.children.iter_mut().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            _ => None,
        })
    }

    pub fn first_child_mut(&mut self, name: &str) -> Option<&mut Element<'a>> {
        self.child_elements_mut().find(|child| child.name == name)
    }

    /// The child with this name, created at the end when missing.
    pub fn child_or_insert(&mut self, name: &'static str) -> &mut Element<'a> {
        if !self.child_elements().any(|child| child.name == name) {
            self.children.push(Node::Element(Element::new(name)));
        }
        self.first_child_mut(name)
            .expect("the child was there or has just been added")
    }

    /// Calls `visit` on this element and every element below it, parents first.
    pub fn walk_mut(&mut self, visit: &mut dyn FnMut(&mut Element<'a>)) {
        visit(self);
        for child in self.child_elements_mut() {
            child.walk_mut(visit);
        }
    }

    /// Replaces the element's children with one text (escaped here).
    pub fn set_text(&mut self, text: &str) {
        self.children = vec![Node::Text(Cow::Owned(escape_content(text)))];
    }

    /// The first child element called `name`.
    pub fn first_child(&self, name: &str) -> Option<&Element<'a>> {
        self.child_elements().find(|child| child.name == name)
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

/// The deepest nesting read. Word documents stay below 30 levels (tables in tables in text
/// boxes included); the recursive walks over a tree need a bound.
pub const MAX_DEPTH: usize = 256;

pub fn parse(input: &[u8]) -> Result<XmlDocument<'_>, XmlError> {
    let mut reader = reader_for(input);
    let mut declaration = None;
    loop {
        // Reading from a slice borrows the events instead of copying them into a buffer.
        let event = reader.read_event().map_err(|e| XmlError(e.to_string()))?;
        let end = position(&reader);
        match event {
            Event::Decl(decl) => {
                declaration = Some(format!("<?{}?>", String::from_utf8_lossy(&decl)));
            }
            Event::Start(start) => {
                let root = element_from(input, &start, end, 1)?;
                let root = read_subtree(&mut reader, input, root, 0)?;
                return Ok(XmlDocument { declaration, root });
            }
            Event::Empty(start) => {
                let root = element_from(input, &start, end, 2)?;
                return Ok(XmlDocument { declaration, root });
            }
            Event::End(_) => return Err(XmlError("slutelement utan början".into())),
            Event::Eof => return Err(XmlError("inget rotelement".into())),
            // Text and comments outside the root are dropped, but must be UTF-8 all the same.
            Event::Text(text) => drop(utf8(text.into_inner())?),
            Event::GeneralRef(text) => drop(utf8(text.into_inner())?),
            Event::CData(text) => drop(utf8(text.into_inner())?),
            Event::Comment(text) => drop(utf8(text.into_inner())?),
            Event::PI(_) | Event::DocType(_) => {}
        }
    }
}

/// A reader over a part, as every reading here sets it up.
pub(crate) fn reader_for(input: &[u8]) -> Reader<&[u8]> {
    let mut reader = Reader::from_reader(input);
    // Unmatched end tags are still refused: trees are built from a stack and check each end
    // against it (see `read_subtree`), so the reader's own name comparison is not needed.
    reader.config_mut().check_end_names = false;
    reader
}

/// Where the reader stands: the end of the event just read.
pub(crate) fn position(reader: &Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

/// Reads the children of `element`, whose start tag was just read, up to its end tag, and
/// returns it whole. `outside` is how many elements around it are open.
pub(crate) fn read_subtree<'a>(
    reader: &mut Reader<&'a [u8]>,
    input: &'a [u8],
    element: Element<'a>,
    outside: usize,
) -> Result<Element<'a>, XmlError> {
    let mut stack: Vec<Element> = vec![element];
    loop {
        let event = reader.read_event().map_err(|e| XmlError(e.to_string()))?;
        let end = position(reader);
        match event {
            Event::Start(start) => {
                // Every walk over the tree recurses; a hostile file nested deeper than any
                // document is refused here instead of overflowing the stack later.
                if outside + stack.len() >= MAX_DEPTH {
                    return Err(XmlError(format!(
                        "elementen är nästlade djupare än {MAX_DEPTH} nivåer"
                    )));
                }
                stack.push(element_from(input, &start, end, 1)?)
            }
            Event::Empty(start) => {
                let element = element_from(input, &start, end, 2)?;
                if let Some(done) = attach(&mut stack, element) {
                    return Ok(done);
                }
            }
            Event::End(end_tag) => {
                let element = stack
                    .pop()
                    .ok_or_else(|| XmlError("slutelement utan början".into()))?;
                if end_tag.name().as_ref() != element.name.as_bytes() {
                    return Err(XmlError(format!(
                        "slutelementet passar inte <{}>",
                        element.name
                    )));
                }
                if let Some(done) = attach(&mut stack, element) {
                    return Ok(done);
                }
            }
            Event::Text(text) => push_child(&mut stack, Node::Text(utf8(text.into_inner())?)),
            // Entity and character references arrive as their own events; keep them escaped.
            Event::GeneralRef(reference) => {
                let name = utf8(reference.into_inner())?;
                push_child(&mut stack, Node::Text(Cow::Owned(format!("&{name};"))));
            }
            Event::CData(text) => push_child(&mut stack, Node::CData(utf8(text.into_inner())?)),
            Event::Comment(text) => push_child(&mut stack, Node::Comment(utf8(text.into_inner())?)),
            Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => {
                return Err(XmlError(match stack.last() {
                    Some(open) => format!("<{}> avslutas aldrig", open.name),
                    None => "inget rotelement".into(),
                }))
            }
        }
    }
}

pub(crate) fn utf8(bytes: Cow<'_, [u8]>) -> Result<Cow<'_, str>, XmlError> {
    let invalid = |_| XmlError("ogiltig UTF-8".into());
    match bytes {
        Cow::Borrowed(slice) => std::str::from_utf8(slice)
            .map(Cow::Borrowed)
            .map_err(invalid),
        Cow::Owned(vec) => String::from_utf8(vec)
            .map(Cow::Owned)
            .map_err(|_| XmlError("ogiltig UTF-8".into())),
    }
}

/// An element from a start tag. The tag's text is taken from the input itself (it ends
/// `closing` bytes before `end`: `>` or `/>`), so names and values borrow instead of copy; if
/// the span does not match the event, the event's own bytes are copied instead.
pub(crate) fn element_from<'a>(
    input: &'a [u8],
    start: &BytesStart,
    end: usize,
    closing: usize,
) -> Result<Element<'a>, XmlError> {
    let length = start.len();
    let span = end
        .checked_sub(closing + length)
        .and_then(|from| input.get(from..from + length))
        .filter(|span| *span == &**start);
    let tag: Cow<'a, str> = match span {
        Some(span) => utf8(Cow::Borrowed(span))?,
        None => utf8(Cow::Owned(start.to_vec()))?,
    };
    let name_length = start.name().as_ref().len();
    match tag {
        Cow::Borrowed(tag) => element_from_tag(tag, name_length),
        Cow::Owned(tag) => {
            let element = element_from_tag(&tag, name_length)?;
            Ok(into_owned(element))
        }
    }
}

fn element_from_tag(tag: &str, name_length: usize) -> Result<Element<'_>, XmlError> {
    let mut element = Element::new(tag.get(..name_length).unwrap_or(tag));
    for attribute in Attributes::new(tag, name_length) {
        let attribute = attribute.map_err(|e| XmlError(e.to_string()))?;
        let key = attribute.key.into_inner();
        let key = std::str::from_utf8(key).map_err(|_| XmlError("ogiltig UTF-8".into()))?;
        element
            .attributes
            .push((Cow::Borrowed(key), utf8(attribute.value)?));
    }
    Ok(element)
}

fn into_owned(element: Element<'_>) -> Element<'static> {
    Element {
        name: Cow::Owned(element.name.into_owned()),
        attributes: element
            .attributes
            .into_iter()
            .map(|(key, value)| (Cow::Owned(key.into_owned()), Cow::Owned(value.into_owned())))
            .collect(),
        children: Vec::new(),
    }
}

/// Adds a finished element to its parent; returns it when it was the root.
fn attach<'a>(stack: &mut [Element<'a>], element: Element<'a>) -> Option<Element<'a>> {
    match stack.last_mut() {
        Some(parent) => {
            parent.children.push(Node::Element(element));
            None
        }
        None => Some(element),
    }
}

fn push_child<'a>(stack: &mut [Element<'a>], node: Node<'a>) {
    // Text outside the root (whitespace between declaration and root) is dropped.
    if let Some(parent) = stack.last_mut() {
        parent.children.push(node);
    }
}

/// Writes the document compactly, as Word writes it.
pub fn write(document: &XmlDocument) -> String {
    let mut out = String::with_capacity(64 * 1024);
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
    write_start_tag(element, out);
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
            Node::CData(text) => {
                out.push_str("<![CDATA[");
                out.push_str(text);
                out.push_str("]]>");
            }
            Node::Comment(text) => {
                out.push_str("<!--");
                out.push_str(text);
                out.push_str("-->");
            }
        }
    }
    if let (Some(unit), false) = (indent, holds_text) {
        out.push('\n');
        out.push_str(&unit.repeat(depth));
    }
    out.push_str("</");
    out.push_str(&element.name);
    out.push('>');
}

/// An element's start tag up to, not including, its closing `>` or `/>`.
pub(crate) fn write_start_tag(element: &Element, out: &mut String) {
    out.push('<');
    out.push_str(&element.name);
    for (key, value) in &element.attributes {
        out.push(' ');
        out.push_str(key);
        out.push_str("=\"");
        out.push_str(value);
        out.push('"');
    }
}

/// An element and everything in it, compactly (as `write` does).
pub(crate) fn write_compact(element: &Element, out: &mut String) {
    write_element(element, out, None, 0);
}

/// Text with the characters XML 1.0 forbids removed (control characters other than tab and
/// line breaks, U+FFFE, U+FFFF). Pasted PDF text can carry them, and Word refuses a document
/// that contains one.
pub fn xml_safe(text: &str) -> Cow<'_, str> {
    let forbidden = |c: char| {
        (c < '\u{20}' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if has_forbidden(text.as_bytes()) {
        Cow::Owned(text.chars().filter(|&c| !forbidden(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether UTF-8 text holds a character `xml_safe` removes, looked for byte by byte: control
/// characters are single bytes, and U+FFFE and U+FFFF are EF BF BE and EF BF BF.
fn has_forbidden(bytes: &[u8]) -> bool {
    // Nearly all text has neither a control character nor one of U+F000–U+FFFF: one
    // quick look for either, and the exact test only where one stands.
    if !any_byte(bytes, |byte| byte < 0x20 || byte == 0xEF) {
        return false;
    }
    bytes.iter().enumerate().any(|(at, &byte)| match byte {
        b'\t' | b'\n' | b'\r' => false,
        0..=0x1F => true,
        0xEF => matches!(bytes.get(at + 1..at + 3), Some([0xBF, 0xBE | 0xBF])),
        _ => false,
    })
}

/// Whether any byte `matches`, looked at 64 bytes at a time without stopping inside a block, so
/// that the compiler compares a block's bytes with SIMD instead of one by one (the embedded case
/// and the body's text are hundreds of KB in a large case).
pub(crate) fn any_byte(bytes: &[u8], matches: impl Fn(u8) -> bool) -> bool {
    bytes.chunks(64).any(|block| {
        block
            .iter()
            .fold(false, |found, &byte| found | matches(byte))
    })
}

/// Escapes text for attribute values.
pub fn escape(text: &str) -> String {
    escape_with(text, true)
}

/// Escapes text for element content, where quotes need no escaping (JSON keeps its quotes).
pub fn escape_content(text: &str) -> String {
    escape_with(text, false)
}

fn escape_with(text: &str, quotes: bool) -> String {
    let text = xml_safe(text);
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut rest: &str = &text;
    // Copy runs of plain text at once; only the few special characters are replaced (the
    // embedded case is 150 KB of JSON, so they are looked for with memchr). They are ASCII, so
    // a byte position is a character boundary.
    let next_special = |rest: &str| {
        let bytes = rest.as_bytes();
        let markup = memchr::memchr3(b'&', b'<', b'>', bytes);
        // Attribute values, which also escape quotes, are short.
        let quote = if quotes {
            memchr::memchr(b'"', bytes)
        } else {
            None
        };
        match (markup, quote) {
            (Some(markup), Some(quote)) => Some(markup.min(quote)),
            (markup, quote) => markup.or(quote),
        }
    };
    while let Some(at) = next_special(rest) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out
}

pub fn unescape(text: &str) -> String {
    quick_xml::escape::unescape(text)
        .map(|cow| cow.into_owned())
        .unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_byte_finds_a_byte_in_every_block_and_the_last_short_one() {
        let mut bytes = vec![b'a'; 200];
        assert!(!any_byte(&bytes, |byte| byte == b'<'));
        for at in [0, 63, 64, 127, 128, 199] {
            bytes[at] = b'<';
            assert!(any_byte(&bytes, |byte| byte == b'<'), "at {at}");
            bytes[at] = b'a';
        }
        assert!(!any_byte(&[], |_| true));
    }

    #[test]
    fn only_the_characters_xml_forbids_are_removed() {
        let text = "a\u{1}b\u{FFFE}c\u{FFFF}d\u{FFFD}e\tf\ng\rå\u{1F}";
        assert_eq!(xml_safe(text), "abcd\u{FFFD}e\tf\ng\rå");
        assert!(matches!(xml_safe("Åtgärd\t\u{FFFD}"), Cow::Borrowed(_)));
        assert_eq!(escape("a&b<c>\"d\"å"), "a&amp;b&lt;c&gt;&quot;d&quot;å");
        assert_eq!(escape_content("\"å\u{2}\""), "\"å\"");
    }

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
    fn escaping_differs_for_content_and_attributes() {
        assert_eq!(escape(r#"a & "b" <c>"#), "a &amp; &quot;b&quot; &lt;c&gt;");
        assert_eq!(
            escape_content(r#"a & "b" <c> ]]>"#),
            r#"a &amp; "b" &lt;c&gt; ]]&gt;"#
        );
        assert_eq!(escape_content("åäö"), "åäö");
        assert_eq!(escape_content("a\u{0}b\u{b}c\td\u{FFFF}"), "abc\td");
    }

    #[test]
    fn nesting_deeper_than_any_document_is_refused() {
        let deep = format!(
            "{}{}",
            "<a>".repeat(MAX_DEPTH + 1),
            "</a>".repeat(MAX_DEPTH + 1)
        );
        assert!(parse(deep.as_bytes()).is_err());
        let fine = format!("{}{}", "<a>".repeat(MAX_DEPTH), "</a>".repeat(MAX_DEPTH));
        assert!(parse(fine.as_bytes()).is_ok());
    }

    #[test]
    fn malformed_xml_is_an_error_not_a_panic() {
        let refused = |xml: &str| parse(xml.as_bytes()).expect_err(xml).0;
        assert_eq!(refused(""), "inget rotelement");
        assert_eq!(refused("\u{0}"), "inget rotelement");
        assert_eq!(refused("<a>"), "<a> avslutas aldrig");
        assert_eq!(refused("<a><b></a>"), "slutelementet passar inte <b>");
        // Syntax errors are quick-xml's own, in its words.
        assert_eq!(
            refused("</a>"),
            "ill-formed document: close tag `</a>` does not match any open tag"
        );
        assert_eq!(
            refused("<a x=1/>"),
            "position 4: attribute value must be enclosed in `\"` or `'`"
        );
    }
}
