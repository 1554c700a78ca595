//! Yttra's body content as its writer made it (text in normal form, `ooxml::direct`), made
//! ready for a template in one pass over its events. It gets the changes `merge` makes to a
//! parsed body: styles mapped to the template's, bookmark ids moved past the template's, table
//! widths scaled to the template's page, the title dropped when the template shows it, and the
//! region marked for reading back. Reading the whole body into a tree and writing it out again
//! added 16–21 ms to a large yttrande in a template (2026-12-02); the template's own body is
//! small and stays a tree. Every debug build checks that this gives the tree's bytes
//! (`package::assert_same_as_rendered_whole`).

use std::fmt::{Display, Write};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::merge;
use super::styles::StyleMap;
use crate::xml_tree;

/// The element the template's body holds where the written content goes, replaced by the
/// content's text when the body is written (`Package::into_parts`). Not a name OOXML has.
pub(crate) const PLACEHOLDER: &str = "yttra-written-content";

/// Yttra's content changed for the template, and what placing it needs to know.
pub(crate) struct WrittenContent {
    pub text: String,
    /// The largest bookmark id given, or the offset when the content has none.
    pub last_bookmark_id: usize,
    /// Whether the last top-level element is a table (a table cell must end with a paragraph).
    pub ends_with_table: bool,
    /// The first and the last kept top-level paragraph, for marking where the content starts
    /// and ends.
    first_paragraph: Option<Paragraph>,
    last_paragraph: Option<Paragraph>,
}

/// Where a top-level paragraph is in the text, and where a mark goes into it.
#[derive(Clone, Copy)]
struct Paragraph {
    start: usize,
    end: usize,
    /// Where the start mark goes: after the first child when there is a `w:pPr`, as the tree
    /// version inserts at child index 1 then (`merge::mark_region`).
    first_mark_at: usize,
    /// Where `</w:p>` starts; `None` for `<w:p/>`.
    end_tag_at: Option<usize>,
}

/// How the content is changed: see [`prepare`].
pub(crate) struct Changes<'m> {
    pub style_map: &'m StyleMap,
    pub bookmark_offset: usize,
    pub scale: f64,
    pub drop_title: bool,
}

/// The top-level element being read, and what is known of it so far.
#[derive(Default)]
struct Top {
    start: usize,
    is_paragraph: bool,
    is_table: bool,
    after_start_tag: usize,
    after_first_child: Option<usize>,
    has_properties: bool,
    is_title: bool,
    style_seen: bool,
    largest_bookmark: Option<usize>,
}

/// Applies `changes` to `content` (the body's children as written text), as `merge` applies
/// them to parsed nodes.
pub(crate) fn prepare(content: &str, changes: &Changes) -> Result<WrittenContent, String> {
    let mut reader = Reader::from_str(content);
    let rescale = merge::rescales(changes.scale);
    let mut pass = Pass {
        out: String::with_capacity(content.len() + 256),
        last_bookmark_id: changes.bookmark_offset,
        ends_with_table: false,
        first_paragraph: None,
        last_paragraph: None,
        changes,
        open: Vec::new(),
        top: Top::default(),
        title_dropped: false,
    };
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|error| error.to_string())?;
        let after = reader.buffer_position() as usize;
        let raw = &content[before..after];
        match event {
            Event::Eof => break,
            Event::Start(start) | Event::Empty(start) => {
                let at_top = pass.open.is_empty();
                let name = start.name();
                let name = name.as_ref();
                if at_top {
                    pass.top = Top {
                        start: pass.out.len(),
                        is_paragraph: name == b"w:p",
                        is_table: name == b"w:tbl",
                        ..Top::default()
                    };
                } else if pass.open.len() == 1 && pass.top.is_paragraph && name == b"w:pPr" {
                    pass.top.has_properties = true;
                } else if pass.open.len() == 2
                    && pass.open[1]
                    && pass.top.is_paragraph
                    && name == b"w:pStyle"
                    && !pass.top.style_seen
                {
                    pass.top.style_seen = true;
                    pass.top.is_title = attribute(&start, "w:val")? == Some(crate::styles::TITLE);
                }
                if !write_changed_tag(&mut pass.out, raw, &start, changes, rescale, &mut pass.top)?
                {
                    pass.out.push_str(raw);
                }
                if at_top {
                    pass.top.after_start_tag = pass.out.len();
                }
                if raw.ends_with("/>") {
                    pass.element_closed(None);
                } else {
                    pass.open.push(name == b"w:pPr");
                }
            }
            Event::End(_) => {
                let end_tag_at = pass.out.len();
                pass.out.push_str(raw);
                pass.open.pop();
                pass.element_closed(Some(end_tag_at));
            }
            _ => {
                pass.out.push_str(raw);
                pass.node_closed();
            }
        }
    }
    if !pass.open.is_empty() {
        return Err("Yttras brödtext slutar mitt i ett element".into());
    }
    Ok(WrittenContent {
        text: pass.out,
        last_bookmark_id: pass.last_bookmark_id,
        ends_with_table: pass.ends_with_table,
        first_paragraph: pass.first_paragraph,
        last_paragraph: pass.last_paragraph,
    })
}

/// The pass over the content: what is written so far and where it stands.
struct Pass<'c> {
    out: String,
    last_bookmark_id: usize,
    ends_with_table: bool,
    first_paragraph: Option<Paragraph>,
    last_paragraph: Option<Paragraph>,
    changes: &'c Changes<'c>,
    /// The open elements, from the top-level one down, each as whether it is a `w:pPr`.
    open: Vec<bool>,
    top: Top,
    title_dropped: bool,
}

impl Pass<'_> {
    /// A node has been written: notes where the top-level element's first child ends.
    fn node_closed(&mut self) {
        if self.open.len() == 1 && self.top.after_first_child.is_none() {
            self.top.after_first_child = Some(self.out.len());
        }
    }

    /// An element has been written to its end (`end_tag_at`: where its end tag starts, `None`
    /// for `<x/>`); a top-level one is then kept or dropped.
    fn element_closed(&mut self, end_tag_at: Option<usize>) {
        self.node_closed();
        if self.open.is_empty() {
            self.end_top(end_tag_at);
        }
    }

    /// A top-level element read to its end: dropped when it is the first title paragraph and
    /// the template shows the title, otherwise counted.
    fn end_top(&mut self, end_tag_at: Option<usize>) {
        let top = &self.top;
        if self.changes.drop_title && !self.title_dropped && top.is_paragraph && top.is_title {
            self.out.truncate(top.start);
            self.title_dropped = true;
            return;
        }
        if let Some(id) = top.largest_bookmark {
            self.last_bookmark_id = self.last_bookmark_id.max(id);
        }
        self.ends_with_table = top.is_table;
        if top.is_paragraph {
            let first_mark_at = match (top.has_properties, top.after_first_child) {
                (true, Some(at)) => at,
                _ => top.after_start_tag,
            };
            let paragraph = Paragraph {
                start: top.start,
                end: self.out.len(),
                first_mark_at,
                end_tag_at,
            };
            self.first_paragraph.get_or_insert(paragraph);
            self.last_paragraph = Some(paragraph);
        }
    }
}

/// Writes the tag with the merge's changes to `out`; `false` (and nothing written) when it
/// stays as written.
fn write_changed_tag(
    out: &mut String,
    raw: &str,
    start: &BytesStart,
    changes: &Changes,
    rescale: bool,
    top: &mut Top,
) -> Result<bool, String> {
    let name = start.name();
    match name.as_ref() {
        b"w:bookmarkStart" | b"w:bookmarkEnd" => {
            let id = attribute(start, "w:id")?
                .and_then(|id| id.parse::<usize>().ok())
                .unwrap_or_default()
                + changes.bookmark_offset;
            top.largest_bookmark = Some(top.largest_bookmark.unwrap_or(0).max(id));
            write_with_attribute(out, raw, "w:id", id);
            Ok(true)
        }
        b"w:gridCol" | b"w:tblW" | b"w:tcW" if rescale => {
            if !merge::scales_width_of_type(attribute(start, "w:type")?) {
                return Ok(false);
            }
            let scaled = attribute(start, "w:w")?.and_then(|w| merge::scaled(w, changes.scale));
            if let Some(width) = scaled {
                write_with_attribute(out, raw, "w:w", width);
            }
            Ok(scaled.is_some())
        }
        b"w:pStyle" | b"w:rStyle" | b"w:tblStyle" | b"w:basedOn" | b"w:next" | b"w:link" => {
            let mapped = attribute(start, "w:val")?.and_then(|id| changes.style_map.get(id));
            if let Some(id) = mapped {
                write_with_attribute(out, raw, "w:val", xml_tree::escape(id));
            }
            Ok(mapped.is_some())
        }
        _ => Ok(false),
    }
}

/// An attribute's value as written (escaped).
fn attribute<'s>(start: &'s BytesStart, name: &str) -> Result<Option<&'s str>, String> {
    // Written by Yttra's own writer: no attribute is doubled, so that is not checked again.
    for attribute in start.attributes().with_checks(false) {
        let attribute = attribute.map_err(|error| error.to_string())?;
        if attribute.key.as_ref() == name.as_bytes() {
            return match attribute.value {
                std::borrow::Cow::Borrowed(value) => std::str::from_utf8(value)
                    .map(Some)
                    .map_err(|error| error.to_string()),
                std::borrow::Cow::Owned(_) => Err("ett attribut kunde inte läsas".into()),
            };
        }
    }
    Ok(None)
}

/// Writes the tag with `name` set to `value` (escaped already): in place when the tag has it,
/// as its last attribute when not, as `Element::set_attribute` does. Written straight into the
/// content (thousands of bookmarks and styles in a large yttrande).
fn write_with_attribute(out: &mut String, tag: &str, name: &str, value: impl Display) {
    // Tags are short: a plain scan finds the name faster than setting up a substring search.
    let bytes = tag.as_bytes();
    let found = (1..bytes.len().saturating_sub(name.len() + 1)).find_map(|at| {
        let end = at + name.len();
        (bytes[at - 1] == b' '
            && &bytes[at..end] == name.as_bytes()
            && &bytes[end..end + 2] == b"=\"")
            .then_some(end + 2)
    });
    // Writing to a String cannot fail.
    let _ = match found {
        Some(value_start) => {
            let value_end = value_start + tag[value_start..].find('"').unwrap_or(0);
            write!(out, "{}{value}{}", &tag[..value_start], &tag[value_end..])
        }
        None => {
            let close = if tag.ends_with("/>") {
                tag.len() - 2
            } else {
                tag.len() - 1
            };
            write!(out, "{} {name}=\"{value}\"{}", &tag[..close], &tag[close..])
        }
    };
}

impl WrittenContent {
    /// Marks where the content starts and ends with two collapsed bookmarks, `first_id` and
    /// the next, as `merge::mark_region` does for parsed content.
    pub(crate) fn mark_region(&mut self, first_id: usize, start_name: &str, end_name: &str) {
        let (Some(first), Some(last)) = (self.first_paragraph, self.last_paragraph) else {
            return;
        };
        let start_mark = collapsed_bookmark(start_name, first_id);
        let end_mark = collapsed_bookmark(end_name, first_id + 1);
        if first.start == last.start {
            let marked = marked_paragraph(&self.text, first, Some(&start_mark), Some(&end_mark));
            self.text.replace_range(first.start..first.end, &marked);
            return;
        }
        // The later paragraph first, so that the earlier one's offsets still hold.
        let marked = marked_paragraph(&self.text, last, None, Some(&end_mark));
        self.text.replace_range(last.start..last.end, &marked);
        let marked = marked_paragraph(&self.text, first, Some(&start_mark), None);
        self.text.replace_range(first.start..first.end, &marked);
    }
}

/// A paragraph's text with a mark after its properties and one at its end.
fn marked_paragraph(
    text: &str,
    paragraph: Paragraph,
    start_mark: Option<&str>,
    end_mark: Option<&str>,
) -> String {
    let (start_mark, end_mark) = (start_mark.unwrap_or(""), end_mark.unwrap_or(""));
    match paragraph.end_tag_at {
        Some(end_tag_at) => format!(
            "{}{start_mark}{}{end_mark}{}",
            &text[paragraph.start..paragraph.first_mark_at],
            &text[paragraph.first_mark_at..end_tag_at],
            &text[end_tag_at..paragraph.end]
        ),
        // `<w:p/>` gets children: written as a start and an end tag.
        None => format!(
            "{}>{start_mark}{end_mark}</w:p>",
            &text[paragraph.start..paragraph.end - 2]
        ),
    }
}

/// A bookmark that marks a place (`merge::collapsed_bookmark`), as text.
fn collapsed_bookmark(name: &str, id: usize) -> String {
    let mut text = String::new();
    for element in merge::collapsed_bookmark(name, id) {
        xml_tree::write_compact(&element, &mut text);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(map: &StyleMap, offset: usize, scale: f64, drop_title: bool) -> Changes<'_> {
        Changes {
            style_map: map,
            bookmark_offset: offset,
            scale,
            drop_title,
        }
    }

    fn with_attribute(tag: &str, name: &str, value: &str) -> String {
        let mut out = String::new();
        write_with_attribute(&mut out, tag, name, value);
        out
    }

    #[test]
    fn attributes_are_set_in_place_or_added_last() {
        assert_eq!(
            with_attribute(r#"<w:tcW w:w="100" w:type="dxa"/>"#, "w:w", "50"),
            r#"<w:tcW w:w="50" w:type="dxa"/>"#
        );
        assert_eq!(
            with_attribute(r#"<w:tblW w:type="dxa" w:w="100"/>"#, "w:w", "50"),
            r#"<w:tblW w:type="dxa" w:w="50"/>"#
        );
        assert_eq!(
            with_attribute(r#"<w:bookmarkEnd/>"#, "w:id", "7"),
            r#"<w:bookmarkEnd w:id="7"/>"#
        );
        assert_eq!(
            with_attribute(r#"<w:bookmarkStart w:name="a">"#, "w:id", "7"),
            r#"<w:bookmarkStart w:name="a" w:id="7">"#
        );
    }

    #[test]
    fn the_first_title_is_dropped_and_its_bookmarks_not_counted() {
        let map = StyleMap::default();
        let content = concat!(
            r#"<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:bookmarkStart w:id="9" w:name="t"/><w:bookmarkEnd w:id="9"/></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr></w:p>"#,
            r#"<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"#,
        );
        let written = prepare(content, &changes(&map, 5, 1.0, true)).expect("prepares");
        assert_eq!(
            written.text,
            concat!(
                r#"<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr></w:p>"#,
                r#"<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"#,
            )
        );
        assert_eq!(written.last_bookmark_id, 5);
        assert!(written.ends_with_table);
    }

    #[test]
    fn marks_go_after_the_properties_and_at_the_end() {
        let map = StyleMap::default();
        let content = concat!(
            r#"<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t>a</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:t>b</w:t></w:r></w:p>"#,
        );
        let mut written = prepare(content, &changes(&map, 0, 1.0, false)).expect("prepares");
        written.mark_region(3, "S", "E");
        assert_eq!(
            written.text,
            concat!(
                r#"<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:bookmarkStart w:id="3" w:name="S"/><w:bookmarkEnd w:id="3"/><w:r><w:t>a</w:t></w:r></w:p>"#,
                r#"<w:p><w:r><w:t>b</w:t></w:r><w:bookmarkStart w:id="4" w:name="E"/><w:bookmarkEnd w:id="4"/></w:p>"#,
            )
        );
        let mut single = prepare("<w:p/>", &changes(&map, 0, 1.0, false)).expect("prepares");
        single.mark_region(1, "S", "E");
        assert_eq!(
            single.text,
            r#"<w:p><w:bookmarkStart w:id="1" w:name="S"/><w:bookmarkEnd w:id="1"/><w:bookmarkStart w:id="2" w:name="E"/><w:bookmarkEnd w:id="2"/></w:p>"#
        );
    }

    #[test]
    fn styles_are_mapped_to_the_templates_escaped() {
        let map = StyleMap::of(&[("Heading1", "Rubrik1"), ("Quote", "R&D")]);
        let content = r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:rPr><w:rStyle w:val="Quote"/></w:rPr><w:t>a</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p>"#;
        let written = prepare(content, &changes(&map, 0, 1.0, false)).expect("prepares");
        assert_eq!(
            written.text,
            r#"<w:p><w:pPr><w:pStyle w:val="Rubrik1"/></w:pPr><w:r><w:rPr><w:rStyle w:val="R&amp;D"/></w:rPr><w:t>a</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p>"#
        );
    }

    #[test]
    fn widths_scale_and_bookmarks_move() {
        let map = StyleMap::default();
        let content = r#"<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="4500"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="50" w:type="pct"/></w:tcPr><w:p><w:bookmarkStart w:id="2" w:name="x"/><w:bookmarkEnd w:id="2"/></w:p></w:tc></w:tr></w:tbl>"#;
        let written = prepare(content, &changes(&map, 10, 0.5, false)).expect("prepares");
        assert_eq!(
            written.text,
            r#"<w:tbl><w:tblPr><w:tblW w:w="4500" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="2250"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="50" w:type="pct"/></w:tcPr><w:p><w:bookmarkStart w:id="12" w:name="x"/><w:bookmarkEnd w:id="12"/></w:p></w:tc></w:tr></w:tbl>"#
        );
        assert_eq!(written.last_bookmark_id, 12);
    }
}
