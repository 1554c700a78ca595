//! Opening a file the user picked: a case JSON, or a DOCX that Yttra wrote (its embedded case).
//! Pure: bytes in, a case or a Swedish message out. Nothing is stored until this succeeds.

use schemas::documents::{ReadDocument, Request};
use schemas::fields::{Difference, FoundFields};
use schemas::framework_import::{read_framework_file, Imported};
use schemas::{load_case, Case};

/// The largest case file read; real cases are well under 1 MB. The same limit as the
/// generator's (one constant for both).
pub use schemas::documents::MAX_CASE_BYTES as MAX_CASE_FILE_BYTES;

/// True for a zip file, which a Yttra yttrande (DOCX) is.
pub fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// A case read out of a DOCX, and the document it was cut for.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedDocument {
    pub case: Case,
    /// The request the document was made for: its case holds only what the document shows
    /// (`schemas::disclosure`). `None` for a document that embeds the whole case.
    pub document: Option<Request>,
    /// What was changed in the document in Word, field by field.
    pub differences: Vec<Difference>,
    /// Text typed outside the fields, which is not read back.
    pub outside: Vec<String>,
    /// The document's fields, to compare with the stored copy of the case.
    pub fields: Option<FoundFields>,
}

/// The case found inside a DOCX (the generator's `ReadDocument` JSON), or the reason none was
/// found.
pub fn open_extracted(
    name: &str,
    extracted: Result<String, String>,
) -> Result<OpenedDocument, String> {
    let json = extracted.map_err(|message| unopened(name, &message))?;
    let unreadable = |error: &dyn std::fmt::Display| {
        unopened(
            name,
            &format!("Ärendet i dokumentet kunde inte läsas. {error}"),
        )
    };
    let read: ReadDocument = serde_json::from_str(&json).map_err(|error| unreadable(&error))?;
    let case = load_case(&read.case).map_err(|error| unreadable(&error))?;
    Ok(OpenedDocument {
        case,
        document: read.document,
        differences: read.differences,
        outside: read.outside,
        fields: read.fields,
    })
}

/// A case file (JSON).
pub fn open_json_file(name: &str, bytes: &[u8]) -> Result<Case, String> {
    if bytes.len() > MAX_CASE_FILE_BYTES {
        return Err(unopened(
            name,
            &format!(
                "Filen är för stor ({} MB); ett ärende är högst {} MB.",
                bytes.len().div_ceil(1024 * 1024),
                MAX_CASE_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        unopened(
            name,
            "Den är varken ett Yttra-ärende (JSON) eller ett yttrande (DOCX) skapat med Yttra.",
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    load_case(text).map_err(|error| unopened(name, &error.to_string()))
}

fn unopened(name: &str, message: &str) -> String {
    format!("«{name}» kunde inte öppnas. {message}")
}

/// The largest framework file read (one constant with the command line's).
pub use schemas::framework_import::MAX_FRAMEWORK_FILE_BYTES;

/// Reads a picked framework: a Yttra framework (JSON) or a guideline as CSV, whose id and title
/// come from the file name, with what the user should check before it is used
/// (`schemas::framework_import::read_framework_file`). Nothing changes until the user accepts.
pub fn open_framework_file(name: &str, bytes: &[u8]) -> Result<Imported, String> {
    read_framework_file(name, bytes).map_err(|error| unopened(name, &error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A picked file as the browser reads it: a DOCX through the generator module's extraction and
    /// `open_extracted`, anything else as JSON.
    fn open_case_file(name: &str, bytes: &[u8]) -> Result<Case, String> {
        if is_docx(bytes) {
            return open_docx(name, bytes).map(|opened| opened.case);
        }
        open_json_file(name, bytes)
    }

    /// A DOCX as the generator module reads it and hands it over.
    fn open_docx(name: &str, bytes: &[u8]) -> Result<OpenedDocument, String> {
        let extracted = docgen::read_back::read_back(bytes)
            .map(|read| {
                serde_json::to_string(&ReadDocument {
                    case: case_message(&read.extracted.case),
                    document: read.extracted.document,
                    differences: read.differences,
                    outside: read.outside,
                    fields: read.fields,
                })
                .expect("json")
            })
            .map_err(|error| error.to_string());
        open_extracted(name, extracted)
    }

    #[test]
    fn a_guideline_csv_opens_as_a_framework_named_by_its_file() {
        let csv = "område;id;text\nStyrning;1;Policy finns\n";
        let framework = open_framework_file("Riktlinje 2026.csv", csv.as_bytes())
            .expect("opens")
            .framework;
        assert_eq!(framework.title, "Riktlinje 2026");
        assert_eq!(framework.id, "riktlinje-2026");
        let json = serde_json::to_string(&schemas::framework::built_in_lis()).expect("json");
        assert_eq!(
            open_framework_file("lis.json", json.as_bytes())
                .map(|imported| imported.framework.requirement_count()),
            Ok(34)
        );
    }

    #[test]
    fn a_broken_framework_file_says_why_and_where() {
        let broken = "område;id;text\nA;1;Ett\nA;1;Två\n";
        assert_eq!(
            open_framework_file("riktlinje.csv", broken.as_bytes()),
            Err(
                "«riktlinje.csv» kunde inte öppnas. Rad 3: id «1» finns redan på en tidigare rad."
                    .into()
            )
        );
        assert!(open_framework_file("x.csv", &[0xff, 0xfe, 0x00])
            .expect_err("not utf-8")
            .contains("UTF-8"));
    }
    use schemas::{case_message, save_case, Date};

    const EXAMPLE: &str = include_str!("../../examples/informationssakerhet-delvis.json");

    #[test]
    fn a_case_json_opens_with_or_without_a_byte_order_mark() {
        let case = load_case(EXAMPLE).expect("example");
        assert_eq!(
            open_case_file("a.json", EXAMPLE.as_bytes()),
            Ok(case.clone())
        );
        let with_bom = format!("\u{feff}{EXAMPLE}");
        assert_eq!(open_case_file("a.json", with_bom.as_bytes()), Ok(case));
    }

    #[test]
    fn a_yttrande_written_by_yttra_opens_as_its_case() {
        let case = load_case(EXAMPLE).expect("example");
        let today = Date::parse("2025-03-01").expect("date");
        let docx = docgen::render_first_yttrande(&case, "ks", today).expect("renders");
        let request = Request::document("ks", schemas::documents::DocumentKind::FirstYttrande);
        let cut = schemas::disclosure::embedded_case(&case, &request).expect("fits");
        let opened = open_docx("y.docx", &docx).expect("opens");
        assert_eq!(opened.case, cut.expect("a document"));
        assert_eq!(opened.document, Some(request));
        assert_eq!((opened.differences, opened.outside), (vec![], vec![]));
        let fields = opened.fields.expect("a board's document has fields");
        assert!(fields
            .expected
            .contains(&schemas::fields::Field::FirstSummary));
    }

    #[test]
    fn bad_files_get_a_message_naming_the_file() {
        let cases: [(&str, &[u8], &str); 4] = [
            (
                "trasig.json",
                b"{\"format\": \"yttra-case\",",
                "Filen är inte giltig JSON",
            ),
            (
                "bild.png",
                b"\x89PNG\r\n\x1a\n\xff\xfe",
                "varken ett Yttra-ärende",
            ),
            ("annan.json", b"{\"name\": \"x\"}", "inget Yttra-ärende"),
            (
                "fel.docx",
                b"PK\x03\x04 not really a zip",
                "inget Word-dokument",
            ),
        ];
        for (name, bytes, expected) in cases {
            let message = open_case_file(name, bytes).expect_err(name);
            assert!(
                message.starts_with(&format!("«{name}» kunde inte öppnas.")),
                "{message}"
            );
            assert!(message.contains(expected), "{name}: {message}");
        }
    }

    #[test]
    fn a_saved_case_opens_unchanged() {
        let case = load_case(EXAMPLE).expect("example");
        assert_eq!(
            open_case_file("s.json", save_case(&case).as_bytes()),
            Ok(case)
        );
    }
}
