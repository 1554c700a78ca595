//! The normaliser of the large parts (the body, headers and footers) as one pass over the
//! parser's events, writing as it reads.
//!
//! The tree normaliser (`normalise_document`) parses a whole part into a tree, walks it twice
//! and writes it: for a large yttrande most of the time went to making and freeing the tree's
//! nodes. Here only property elements (`w:pPr`, `w:rPr`, `w:tblPr`, …) are read whole, as small
//! trees, because their children are what gets reordered; paragraphs, runs, tables and text
//! pass straight through with their attributes fixed. Containers must already have their
//! properties first (docx-rs writes them so); a part that breaks that, or anything else this
//! pass does not expect, makes it give up (`None`), and the tree normaliser takes the part. The
//! bytes are the same either way (tests compare the two on every kind of document).

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{
    child_rank, has_sequence, is_container, mark_header_row_properties, normalise_attributes,
    normalise_subtree, Anchors,
};
use crate::xml_tree::{self, Element, Node, MAX_DEPTH};

/// The parts normalised in one pass: the body, headers and footers.
pub(crate) fn is_streamed(path: &str) -> bool {
    path == BODY
        || (path.ends_with(".xml")
            && (path.starts_with("word/header") || path.starts_with("word/footer")))
}

const BODY: &str = "word/document.xml";

/// The part normalised, or `None` when it holds something only the tree normaliser handles.
pub(crate) fn normalise(path: &str, input: &[u8]) -> Option<String> {
    let mut pass = Pass {
        input,
        reader: xml_tree::reader_for(input),
        out: String::with_capacity(input.len() + input.len() / 8),
        open: Vec::new(),
        declaration: None,
        root_written: false,
        tag_unclosed: false,
        is_body: path == BODY,
        anchors: Anchors::default(),
    };
    pass.run().then_some(pass.out)
}

/// An element being written: its start tag is out, its end tag not yet.
struct Open<'a> {
    name: Cow<'a, str>,
    /// For a container, the place in its order of the last child written.
    last_rank: usize,
    /// A table: whether its first row has come.
    rows_seen: bool,
    /// A table's first row that has had no child yet: its properties are still to be marked.
    header_row: bool,
}

struct Pass<'a> {
    input: &'a [u8],
    reader: Reader<&'a [u8]>,
    out: String,
    open: Vec<Open<'a>>,
    /// The declaration, written with the root; as the tree reader does, the last one before
    /// the root counts.
    declaration: Option<String>,
    /// The root has started; once it is closed, the rest of the input is ignored.
    root_written: bool,
    /// The last start tag written still lacks its `>`: an element without children is written
    /// `<x/>`, as the tree writer does.
    tag_unclosed: bool,
    is_body: bool,
    anchors: Anchors,
}

impl<'a> Pass<'a> {
    /// Writes the whole part; false when it must go to the tree normaliser.
    fn run(&mut self) -> bool {
        loop {
            let Ok(event) = self.reader.read_event() else {
                return false;
            };
            let end = xml_tree::position(&self.reader);
            let handled = match event {
                Event::Decl(declaration) if !self.root_written => {
                    self.declaration =
                        Some(format!("<?{}?>", String::from_utf8_lossy(&declaration)));
                    Some(())
                }
                Event::Start(start) => self.start(&start, end, false),
                Event::Empty(start) => self.start(&start, end, true),
                Event::End(end_tag) => {
                    let matches = self
                        .open
                        .last()
                        .is_some_and(|open| end_tag.name().as_ref() == open.name.as_bytes());
                    if matches {
                        self.end()
                    } else {
                        None
                    }
                }
                Event::Text(text) => self.text(&text),
                Event::GeneralRef(reference) => std::str::from_utf8(&reference)
                    .ok()
                    .map(|name| format!("&{name};"))
                    .and_then(|reference| self.text(reference.as_bytes())),
                Event::CData(text) => self.delimited("<![CDATA[", &text, "]]>"),
                Event::Comment(text) => self.delimited("<!--", &text, "-->"),
                Event::Decl(_) | Event::PI(_) | Event::DocType(_) => Some(()),
                Event::Eof => None,
            };
            if handled.is_none() {
                return false;
            }
            // The root has closed (or was a whole element): what follows is not the part's.
            if self.root_written && self.open.is_empty() {
                return true;
            }
        }
    }

    /// Before the root's start tag: the declaration, once.
    fn before_root(&mut self) {
        if !self.root_written {
            self.root_written = true;
            if let Some(declaration) = self.declaration.take() {
                self.out.push_str(&declaration);
            }
        }
    }

    /// A start tag (or, `empty`, a whole element without children).
    fn start(&mut self, start: &BytesStart, end: usize, empty: bool) -> Option<()> {
        if self.open.len() >= MAX_DEPTH {
            return None;
        }
        let closing = if empty { 2 } else { 1 };
        let element = xml_tree::element_from(self.input, start, end, closing).ok()?;
        self.before_root();
        let name = element.name.clone();
        if is_read_whole(&name) {
            let element = if empty {
                element
            } else {
                xml_tree::read_subtree(&mut self.reader, self.input, element, self.open.len())
                    .ok()?
            };
            return self.properties(element);
        }
        // Elements the tree normaliser changes for reasons of their own.
        if name == "w:pPrDefault" {
            return None;
        }
        self.before_child(Some(&name))?;
        let mut element = element;
        normalise_attributes(&mut element);
        if self.is_body {
            self.anchors.visit(&mut element);
        }
        let header_row = self.is_body && name == "w:tr" && self.first_row_of_table();
        xml_tree::write_start_tag(&element, &mut self.out);
        self.open.push(Open {
            name,
            last_rank: 0,
            rows_seen: false,
            header_row,
        });
        self.tag_unclosed = true;
        if empty {
            self.end()?;
        }
        Some(())
    }

    /// A property element read whole: normalised as a tree and written.
    fn properties(&mut self, element: Element<'a>) -> Option<()> {
        let marks_header_row = element.name == "w:trPr" && self.header_row_pending();
        self.before_child(Some(&element.name))?;
        write_properties(element, marks_header_row, &mut self.out)
    }

    /// Whether the element about to start is the first row of the table it is in.
    fn first_row_of_table(&mut self) -> bool {
        match self.open.last_mut() {
            Some(table) if table.name == "w:tbl" && !table.rows_seen => {
                table.rows_seen = true;
                true
            }
            _ => false,
        }
    }

    fn header_row_pending(&self) -> bool {
        self.open.last().is_some_and(|row| row.header_row)
    }

    /// Before any child of the innermost open element: closes its start tag, writes a header
    /// row's properties if the row has none of its own (`child` is not `w:trPr`), and checks
    /// that the child comes in the container's order. `child` is `None` for text.
    fn before_child(&mut self, child: Option<&str>) -> Option<()> {
        if self.tag_unclosed {
            self.out.push('>');
            self.tag_unclosed = false;
        }
        // The root has no parent to be in order in.
        let Some(parent) = self.open.last_mut() else {
            return Some(());
        };
        if parent.header_row {
            parent.header_row = false;
            match child {
                Some("w:trPr") => {}
                // Row exceptions come before the row's properties: the tree normaliser
                // places them.
                Some("w:tblPrEx") => return None,
                _ => {
                    let mut row_properties = Element::new("w:trPr");
                    mark_header_row_properties(&mut row_properties);
                    xml_tree::write_compact(&row_properties, &mut self.out);
                    parent.last_rank = child_rank(&parent.name, Some("w:trPr"))?;
                }
            }
        }
        if let Some(rank) = child_rank(&parent.name, child) {
            if rank < parent.last_rank {
                return None;
            }
            parent.last_rank = rank;
        }
        Some(())
    }

    /// The end tag of the innermost open element.
    fn end(&mut self) -> Option<()> {
        if self.open.last()?.header_row {
            // A first row with no children at all still gets its properties.
            self.before_child(None)?;
        }
        let closed = self.open.pop()?;
        if self.tag_unclosed {
            self.out.push_str("/>");
            self.tag_unclosed = false;
        } else {
            self.out.push_str("</");
            self.out.push_str(&closed.name);
            self.out.push('>');
        }
        Some(())
    }

    /// Escaped character data, written as it was read. Outside the root it is dropped.
    fn text(&mut self, text: &[u8]) -> Option<()> {
        let text = std::str::from_utf8(text).ok()?;
        if self.open.is_empty() {
            return Some(());
        }
        self.before_child(None)?;
        self.out.push_str(text);
        Some(())
    }

    fn delimited(&mut self, before: &str, text: &[u8], after: &str) -> Option<()> {
        let text = std::str::from_utf8(text).ok()?;
        if self.open.is_empty() {
            return Some(());
        }
        self.before_child(None)?;
        self.out.push_str(before);
        self.out.push_str(text);
        self.out.push_str(after);
        Some(())
    }
}

/// A property element (`w:pPr`, `w:trPr`, …) normalised and written; a header row's
/// properties (`header_row`) get its marks. `None` when it holds what the body's own walks
/// would change (bookmarks, tables): property elements hold neither, so that is left to the
/// tree normaliser. The direct writer (`super::direct`) writes its properties here too.
pub(super) fn write_properties(
    mut element: Element,
    header_row: bool,
    out: &mut String,
) -> Option<()> {
    if holds_any(
        &element,
        &["w:bookmarkStart", "w:bookmarkEnd", "w:tbl", "w:p"],
    ) {
        return None;
    }
    if header_row {
        mark_header_row_properties(&mut element);
    }
    normalise_subtree(&mut element);
    xml_tree::write_compact(&element, out);
    Some(())
}

/// Property elements: their children are what gets reordered (a row's properties also get
/// the header-row marks), and they are small, so each is read as a tree.
fn is_read_whole(name: &str) -> bool {
    name == "w:trPr" || (has_sequence(name) && !is_container(name))
}

/// Whether the element or anything in it is called one of `names`.
fn holds_any(element: &Element, names: &[&str]) -> bool {
    names.contains(&element.name.as_ref())
        || element.children.iter().any(|child| match child {
            Node::Element(inner) => holds_any(inner, names),
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ooxml::normalise_document;

    /// The tree normaliser's bytes for a part.
    fn by_tree(path: &str, xml: &str) -> String {
        let mut document = xml_tree::parse(xml.as_bytes()).expect("valid xml");
        normalise_document(path, &mut document);
        xml_tree::write(&document)
    }

    fn same_as_tree(path: &str, xml: &str) {
        let streamed = normalise(path, xml.as_bytes()).expect("streamed");
        assert_eq!(streamed, by_tree(path, xml), "{xml}");
    }

    #[test]
    fn a_body_streams_to_the_trees_bytes() {
        let body = concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<w:document xmlns:w="urn:w"><w:body>"#,
            r#"<w:p w14:paraId="00000001" w14:textId="00000002"><w:pPr><w:rPr/><w:keepNext/><w:pStyle w:val="Rubrik1"/></w:pPr>"#,
            r#"<w:r><w:rPr><w:sz w:val="22"/><w:b/></w:rPr><w:t xml:space="preserve">A &amp; B &#229;</w:t></w:r>"#,
            r#"<w:bookmarkStart w:id="0" w:name="_yttra:f:R1_stance"/><w:bookmarkEnd w:id="0"/></w:p>"#,
            r#"<w:tbl><w:tblPr><w:tblLayout w:type="fixed"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>"#,
            r#"<w:tblGrid><w:gridCol w:w="100" w:type="dxa"/></w:tblGrid>"#,
            r#"<w:tr><w:tc><w:tcPr/><w:p/></w:tc></w:tr><w:tr><w:trPr/><w:tc><w:p></w:p></w:tc></w:tr></w:tbl>"#,
            r#"<w:tbl><w:tr><w:trPr><w:jc w:val="left"/></w:trPr></w:tr></w:tbl><w:tbl><w:tr/></w:tbl>"#,
            r#"<w:sectPr><w:pgMar w:top="1"/><w:headerReference r:id="rId1"/></w:sectPr>"#,
            r#"</w:body></w:document>"#,
        );
        same_as_tree(BODY, body);
        let streamed = normalise(BODY, body.as_bytes()).expect("streamed");
        assert!(streamed.contains(r#"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc>"#));
        assert!(
            streamed.contains("<w:tr><w:trPr/><w:tc>"),
            "a second row is no header"
        );
        assert!(streamed
            .contains(r#"<w:trPr><w:jc w:val="left"/><w:cantSplit/><w:tblHeader/></w:trPr>"#));
        assert!(streamed
            .contains("<w:tbl><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr></w:tr></w:tbl>"));
        assert!(!streamed.contains("paraId"));
    }

    #[test]
    fn a_header_streams_without_the_bodys_own_fixes() {
        same_as_tree(
            "word/header1.xml",
            r#"<w:hdr><w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:i/><w:b/></w:rPr><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl><!-- c --><w:p><w:r><w:t><![CDATA[a]]></w:t></w:r></w:p></w:hdr>"#,
        );
    }

    #[test]
    fn only_the_root_and_the_last_declaration_before_it_are_written() {
        same_as_tree(
            "word/header1.xml",
            r#"<?xml version="1.0"?><?xml version="1.0" standalone="yes"?><w:hdr><w:p></w:p></w:hdr>"#,
        );
        same_as_tree("word/header1.xml", "<w:hdr/><w:ftr></w:ftr>");
        same_as_tree(
            "word/header1.xml",
            "<w:hdr></w:hdr><?xml version=\"1.0\"?><w:ftr/>",
        );
        assert_eq!(normalise("word/header1.xml", b"<!--\xff--><w:hdr/>"), None);
        assert!(xml_tree::parse(b"<!--\xff--><w:hdr/>").is_err());
    }

    #[test]
    fn what_only_the_tree_puts_right_is_left_to_it() {
        for xml in [
            // Properties after content.
            r#"<w:document><w:body><w:p><w:r><w:t>x</w:t><w:rPr><w:b/></w:rPr></w:r></w:p></w:body></w:document>"#,
            r#"<w:document><w:body><w:p><w:r><w:t>x</w:t></w:r><w:pPr/></w:p></w:body></w:document>"#,
            // A header row with row exceptions.
            r#"<w:document><w:body><w:tbl><w:tr><w:tblPrEx/><w:tc/></w:tr></w:tbl></w:body></w:document>"#,
            // Not XML.
            r#"<w:document><w:body>"#,
        ] {
            assert_eq!(normalise(BODY, xml.as_bytes()), None, "{xml}");
        }
        let out_of_order = r#"<w:document><w:body><w:p><w:r><w:t>x</w:t><w:rPr><w:b/></w:rPr></w:r></w:p></w:body></w:document>"#;
        let normalised = crate::ooxml::normalise_part(BODY, out_of_order.as_bytes()).expect("xml");
        assert_eq!(
            String::from_utf8(normalised).expect("utf-8"),
            by_tree(BODY, out_of_order)
        );
    }
}
