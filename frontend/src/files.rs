//! Opening a file the user picked: a case JSON, or a DOCX that Yttra wrote (its embedded case).
//! Pure: bytes in, a case or a Swedish message out. Nothing is stored until this succeeds.

use schemas::{load_case, Case};

/// The largest case file read; real cases are well under 1 MB.
pub const MAX_CASE_FILE_BYTES: usize = 20 * 1024 * 1024;

/// True for a zip file, which a Yttra yttrande (DOCX) is.
pub fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads a picked file as a case. `name` is only used in messages. (The browser takes the DOCX
/// branch through the on-demand generator module and `open_extracted`; the messages are the same.)
pub fn open_case_file(name: &str, bytes: &[u8]) -> Result<Case, String> {
    if is_docx(bytes) {
        let extracted = docgen::extract_case_json(bytes).map_err(|error| error.to_string());
        return open_extracted(name, extracted);
    }
    open_json_file(name, bytes)
}

/// The case from the JSON found inside a DOCX, or the reason none was found.
pub fn open_extracted(name: &str, extracted: Result<String, String>) -> Result<Case, String> {
    let json = extracted.map_err(|message| unopened(name, &message))?;
    load_case(&json).map_err(|error| {
        unopened(
            name,
            &format!("Ärendet i dokumentet kunde inte läsas. {error}"),
        )
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

#[cfg(test)]
mod tests {
    use super::*;
    use schemas::{save_case, Date};

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
        assert_eq!(open_case_file("y.docx", &docx), Ok(case));
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
