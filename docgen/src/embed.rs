//! The case JSON embedded in every document as a custom XML part, so that a filed DOCX can be
//! read back later (the follow-up starts from what was filed).
//!
//! The part is `<case xmlns="urn:yttra:case">…escaped JSON…</case>`. The JSON is compact, so the
//! text has no line breaks that an office suite could reflow when it saves the file again.

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::ooxml::escape_text;

/// The XML namespace that marks Yttra's embedded case part.
pub const CASE_NAMESPACE: &str = "urn:yttra:case";

/// The custom XML part holding a case.
pub fn case_part_xml(case_json: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><case xmlns="{CASE_NAMESPACE}">{}</case>"#,
        escape_text(&json_escape_non_xml(case_json))
    )
}

/// serde_json escapes control characters but writes U+FFFE and U+FFFF as they are, and XML may
/// not contain them. They can only stand inside JSON strings, where the `\uXXXX` escape means
/// the same character, so the case reads back unchanged.
fn json_escape_non_xml(json: &str) -> std::borrow::Cow<'_, str> {
    if !json.contains(['\u{FFFE}', '\u{FFFF}']) {
        return std::borrow::Cow::Borrowed(json);
    }
    std::borrow::Cow::Owned(
        json.replace('\u{FFFE}', "\\ufffe")
            .replace('\u{FFFF}', "\\uffff"),
    )
}

/// The case JSON inside a custom XML part, or `None` when the part is not Yttra's.
pub fn case_json_from_part(xml: &[u8]) -> Option<String> {
    let mut reader = Reader::from_reader(xml);
    let mut buffer = Vec::new();
    let mut inside_case = false;
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
                return quick_xml::escape::unescape(&escaped)
                    .ok()
                    .map(|text| text.into_owned())
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
        let part = case_part_xml(json);
        assert!(!part.contains("<b>"));
        assert_eq!(case_json_from_part(part.as_bytes()).as_deref(), Some(json));
    }

    #[test]
    fn characters_xml_forbids_are_escaped_in_json() {
        let json = serde_json::to_string("a\u{0}b\u{FFFF}c\u{FFFE}").expect("json");
        let part = case_part_xml(&json);
        assert!(!part.contains(['\u{0}', '\u{FFFF}', '\u{FFFE}']));
        let back = case_json_from_part(part.as_bytes()).expect("reads");
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
            assert_eq!(case_json_from_part(xml.as_bytes()), None, "{xml}");
        }
    }

    #[test]
    fn a_part_rewritten_with_cdata_still_reads() {
        let xml =
            r#"<?xml version="1.0"?><case xmlns="urn:yttra:case"><![CDATA[{"x":"<y>"}]]></case>"#;
        assert_eq!(
            case_json_from_part(xml.as_bytes()).as_deref(),
            Some(r#"{"x":"<y>"}"#)
        );
    }
}
