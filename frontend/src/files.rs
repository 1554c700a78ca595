//! Opening a file the user picked: a case JSON, or a DOCX that Yttra wrote (its embedded case).
//! Pure: bytes in, a case or a Swedish message out. Nothing is stored until this succeeds.

use schemas::{load_case, Case};

/// The largest case file read; real cases are well under 1 MB.
pub const MAX_CASE_FILE_BYTES: usize = 20 * 1024 * 1024;

/// Reads a picked file as a case. `name` is only used in messages.
pub fn open_case_file(name: &str, bytes: &[u8]) -> Result<Case, String> {
    let prefix = |message: String| format!("«{name}» kunde inte öppnas. {message}");
    if bytes.starts_with(b"PK\x03\x04") {
        return docgen::extract_case(bytes).map_err(|error| prefix(error.to_string()));
    }
    if bytes.len() > MAX_CASE_FILE_BYTES {
        return Err(prefix(format!(
            "Filen är för stor ({} MB); ett ärende är högst {} MB.",
            bytes.len().div_ceil(1024 * 1024),
            MAX_CASE_FILE_BYTES / (1024 * 1024)
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        prefix(
            "Den är varken ett Yttra-ärende (JSON) eller ett yttrande (DOCX) skapat med Yttra."
                .into(),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    load_case(text).map_err(|error| prefix(error.to_string()))
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
