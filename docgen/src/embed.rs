//! The case JSON embedded in every document as a custom XML part, so that a filed DOCX can be
//! read back later (the follow-up starts from what was filed).
//!
//! The part is `<case xmlns="urn:yttra:case" document="…">…escaped JSON…</case>`. The JSON is
//! compact, so the text has no line breaks that an office suite could reflow when it saves the
//! file again. `document` is the request the document was made for (JSON, see
//! `schemas::documents::Request`): the case holds only what that document shows
//! (`schemas::disclosure`); `made` is the day it was made, so that reading it back can make the
//! same document again to tell Yttra's text from text added in Word. Documents made before
//! Yttra cut the case have neither attribute and hold
//! the whole case.

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

use crate::ooxml::escape_text;

/// The XML namespace that marks Yttra's embedded case part.
pub const CASE_NAMESPACE: &str = "urn:yttra:case";

/// What the case part holds: the case JSON, and the request of the document it was cut for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CasePart {
    pub case_json: String,
    /// `None` in a document that embeds the whole case (written before cases were cut).
    pub document: Option<String>,
    /// The day the document was made (`YYYY-MM-DD`).
    pub made: Option<String>,
}

/// How every case part [`case_part_xml`] writes begins: its declaration and root element's name
/// and namespace.
const CASE_PART_START: &str =
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><case xmlns="urn:yttra:case""#;

/// Whether `xml` begins as [`case_part_xml`] writes a case part. Asked only of the part the
/// package itself put in (`package::normalised`), never of one read from a file.
pub(crate) fn is_written_case_part(xml: &[u8]) -> bool {
    xml.starts_with(CASE_PART_START.as_bytes())
}

/// The custom XML part holding a case cut for the document `document` (a request as JSON),
/// made on the day `made`.
pub fn case_part_xml(case_json: &str, document: Option<(&str, &str)>) -> String {
    let document = document
        .map(|(request, made)| {
            format!(
                r#" document="{}" made="{}""#,
                quick_xml::escape::escape(request),
                quick_xml::escape::escape(made)
            )
        })
        .unwrap_or_default();
    format!(
        "{CASE_PART_START}{document}>{}</case>",
        escape_text(&json_escape_non_xml(case_json))
    )
}

/// serde_json escapes control characters but writes U+FFFE and U+FFFF as they are, and XML may
/// not contain them. They can only stand inside JSON strings, where the `\uXXXX` escape means
/// the same character, so the case reads back unchanged.
fn json_escape_non_xml(json: &str) -> std::borrow::Cow<'_, str> {
    // Both are EF BF BE/BF in UTF-8; a byte search rules them out at once in nearly every case.
    if memchr::memchr(0xEF, json.as_bytes()).is_none() || !json.contains(['\u{FFFE}', '\u{FFFF}']) {
        return std::borrow::Cow::Borrowed(json);
    }
    std::borrow::Cow::Owned(
        json.replace('\u{FFFE}', "\\ufffe")
            .replace('\u{FFFF}', "\\uffff"),
    )
}

/// The case inside a custom XML part, or `None` when the part is not Yttra's.
pub fn case_from_part(xml: &[u8]) -> Option<CasePart> {
    let mut reader = Reader::from_reader(xml);
    let mut buffer = Vec::new();
    let mut inside_case = false;
    let mut document = None;
    let mut made = None;
    // The escaped text as written; references arrive as their own events.
    let mut escaped = String::new();
    loop {
        match reader.read_event_into(&mut buffer).ok()? {
            Event::Start(start) if !inside_case => {
                let is_case = start.local_name().as_ref() == b"case"
                    && start.attributes().flatten().any(|attribute| {
                        attribute.key.as_ref() == b"xmlns"
                            && attribute.value.as_ref() == CASE_NAMESPACE.as_bytes()
                    });
                if !is_case {
                    return None;
                }
                let attribute_value = |name: &[u8]| {
                    start
                        .attributes()
                        .flatten()
                        .find(|attribute| attribute.key.as_ref() == name)
                        .and_then(|attribute| {
                            attribute
                                .decoded_and_normalized_value(
                                    XmlVersion::default(),
                                    reader.decoder(),
                                )
                                .ok()
                                .map(|value| value.into_owned())
                        })
                };
                document = attribute_value(b"document");
                made = attribute_value(b"made");
                inside_case = true;
            }
            Event::Text(chunk) if inside_case => {
                escaped.push_str(std::str::from_utf8(&chunk.into_inner()).ok()?)
            }
            Event::GeneralRef(reference) if inside_case => {
                escaped.push('&');
                escaped.push_str(std::str::from_utf8(&reference.into_inner()).ok()?);
                escaped.push(';');
            }
            Event::CData(chunk) if inside_case => {
                // CDATA is literal: escape it so the whole text unescapes in one go.
                escaped.push_str(&escape_text(std::str::from_utf8(&chunk).ok()?));
            }
            Event::End(_) if inside_case => {
                let case_json = quick_xml::escape::unescape(&escaped).ok()?.into_owned();
                return Some(CasePart {
                    case_json,
                    document,
                    made,
                });
            }
            Event::Eof => return None,
            _ => {}
        }
        buffer.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_with_markup_characters_survives_the_part() {
        let json = r#"{"a":"<b> & \"c\" 'd' ]]> åäö"}"#;
        let request = r#"{"document":{"board":"<a&b>","kind":"first"}}"#;
        let part = case_part_xml(json, Some((request, "2025-03-01")));
        assert!(!part.contains("<b>") && !part.contains("<a&b>"));
        assert_eq!(
            case_from_part(part.as_bytes()),
            Some(CasePart {
                case_json: json.to_string(),
                document: Some(request.to_string()),
                made: Some("2025-03-01".to_string()),
            })
        );
    }

    /// The package passes a written case part on without normalising it (`package::normalised`).
    #[test]
    fn a_written_part_is_in_the_normal_form_already() {
        let json = r#"{"a":"<b> & \"c\" 'd' ]]> åäö\t\n","b":[1,2.5,null]}"#;
        let request = r#"{"document":{"board":"<a&b> \"k\"","kind":"first"}}"#;
        for part in [
            case_part_xml(json, Some((request, "2025-03-01"))),
            case_part_xml(json, None),
        ] {
            assert!(is_written_case_part(part.as_bytes()));
            assert_eq!(
                crate::ooxml::normalise_part_as_tree("customXml/item1.xml", part.as_bytes()),
                Ok(part)
            );
        }
        assert!(!is_written_case_part(
            br#"<?xml version="1.0"?><case xmlns="urn:yttra:case">{}</case>"#
        ));
    }

    #[test]
    fn characters_xml_forbids_are_escaped_in_json() {
        let json = serde_json::to_string("a\u{0}b\u{FFFF}c\u{FFFE}").expect("json");
        let part = case_part_xml(&json, None);
        assert!(!part.contains(['\u{0}', '\u{FFFF}', '\u{FFFE}']));
        let back = case_from_part(part.as_bytes()).expect("reads").case_json;
        assert_eq!(
            serde_json::from_str::<String>(&back).expect("json"),
            "a\u{0}b\u{FFFF}c\u{FFFE}"
        );
    }

    #[test]
    fn other_parts_are_not_taken_for_a_case() {
        for xml in [
            r#"<case xmlns="urn:other">{}</case>"#,
            r#"<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>"#,
            "not xml at all <",
            "",
        ] {
            assert_eq!(case_from_part(xml.as_bytes()), None, "{xml}");
        }
    }

    #[test]
    fn a_part_rewritten_with_cdata_still_reads() {
        let xml =
            r#"<?xml version="1.0"?><case xmlns="urn:yttra:case"><![CDATA[{"x":"<y>"}]]></case>"#;
        let part = case_from_part(xml.as_bytes()).expect("reads");
        assert_eq!(part.case_json, r#"{"x":"<y>"}"#);
        assert_eq!(part.document, None);
    }
}
