//! Reading frameworks: the framework JSON file, and a municipality's guideline as CSV (one row per
//! requirement: area, id, text, guidance, reference). Every failure is one Swedish message that
//! names the line, and nothing is half read: an import either gives a whole framework or none.

use std::collections::HashSet;
use std::fmt;

use crate::framework::{Area, Framework, Requirement, FRAMEWORK_FORMAT, FRAMEWORK_VERSION};
use crate::version::swedish_serde_problem;

/// The most requirements an imported framework may have; real guidelines have a few hundred.
pub const MAX_REQUIREMENTS: usize = 5000;

/// Why a framework could not be read. `line` is 1-based; 0 when the problem is the whole file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.message)
        } else {
            write!(f, "Rad {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for ImportError {}

fn error(line: usize, message: impl Into<String>) -> ImportError {
    ImportError {
        line,
        message: message.into(),
    }
}

/// Reads a framework file (JSON).
pub fn load_framework(text: &str) -> Result<Framework, ImportError> {
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| {
            error(
                e.line(),
                format!("filen är inte giltig JSON (kolumn {}).", e.column()),
            )
        })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FRAMEWORK_FORMAT) {
        return Err(error(
            0,
            "Filen är inget Yttra-ramverk: fältet \"format\" saknas eller har fel värde.",
        ));
    }
    let version = value.get("format_version").and_then(|v| v.as_u64());
    if version != Some(u64::from(FRAMEWORK_VERSION)) {
        return Err(error(
            0,
            format!("Ramverkets formatversion kan inte läsas (den här versionen läser {FRAMEWORK_VERSION})."),
        ));
    }
    let framework: Framework = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = match e.path().to_string() {
            root if root == "." => "(filen)".to_string(),
            path => path,
        };
        let problem = swedish_serde_problem(&e.into_inner().to_string());
        error(0, format!("Fel i fältet {path}: {problem}"))
    })?;
    check(framework, 0)
}

/// Refuses a framework with problems, naming the first.
fn check(framework: Framework, line: usize) -> Result<Framework, ImportError> {
    match framework.problems().into_iter().next() {
        Some(problem) => Err(error(line, problem)),
        None => Ok(framework),
    }
}

/// The columns of a guideline CSV, found by their header names (Swedish or English).
#[derive(Clone, Copy, Debug)]
struct Columns {
    area: usize,
    id: usize,
    text: usize,
    guidance: Option<usize>,
    reference: Option<usize>,
}

/// Reads a guideline as CSV. The first row names the columns: område/area, id, text/krav,
/// vägledning/guidance (optional), hänvisning/referens/reference (optional). Separators `;`
/// (Swedish spreadsheets), `,` or tab; quoted fields may hold separators and line breaks.
pub fn framework_from_csv(text: &str, id: &str, title: &str) -> Result<Framework, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    let separator = detect_separator(text);
    // The header, the most requirements allowed and one more, which is refused below.
    let rows = parse_csv(text, separator, MAX_REQUIREMENTS + 2)?;
    let mut rows = rows.into_iter();
    let (header_line, header) = rows.next().ok_or_else(|| error(0, "Filen är tom."))?;
    let columns = find_columns(&header, header_line)?;
    let mut framework = Framework::new(id, title);
    framework.source = "Importerad riktlinje (CSV)".into();
    let mut seen = HashSet::new();
    for (line, fields) in rows {
        let cell = |index: usize| fields.get(index).map_or("", |f| f.trim());
        let (area_title, requirement_id, requirement_text) =
            (cell(columns.area), cell(columns.id), cell(columns.text));
        if requirement_id.is_empty() {
            return Err(error(line, "kravet saknar id."));
        }
        if requirement_text.is_empty() {
            return Err(error(line, format!("krav «{requirement_id}» saknar text.")));
        }
        if !seen.insert(requirement_id.to_string()) {
            return Err(error(
                line,
                format!("id «{requirement_id}» finns redan på en tidigare rad."),
            ));
        }
        if seen.len() > MAX_REQUIREMENTS {
            return Err(error(
                line,
                format!("filen har fler än {MAX_REQUIREMENTS} krav."),
            ));
        }
        let area_title = if area_title.is_empty() {
            "Övrigt"
        } else {
            area_title
        };
        let requirement = Requirement {
            id: requirement_id.to_string(),
            text: requirement_text.to_string(),
            guidance: columns.guidance.map(cell).unwrap_or_default().to_string(),
            reference: columns.reference.map(cell).unwrap_or_default().to_string(),
        };
        area_named(&mut framework.areas, area_title)
            .requirements
            .push(requirement);
    }
    check(framework, 0)
}

/// The area with this title, added at the end the first time it is named.
fn area_named<'a>(areas: &'a mut Vec<Area>, title: &str) -> &'a mut Area {
    let index = match areas.iter().position(|area| area.title == title) {
        Some(index) => index,
        None => {
            areas.push(Area {
                id: format!("omrade-{}", areas.len() + 1),
                title: title.to_string(),
                description: String::new(),
                requirements: Vec::new(),
            });
            areas.len() - 1
        }
    };
    &mut areas[index]
}

fn find_columns(header: &[String], line: usize) -> Result<Columns, ImportError> {
    let names: Vec<String> = header
        .iter()
        .map(|name| name.trim().to_lowercase())
        .collect();
    let find = |candidates: &[&str]| {
        names
            .iter()
            .position(|name| candidates.contains(&name.as_str()))
    };
    let required = |candidates: &[&str], shown: &str| {
        find(candidates).ok_or_else(|| {
            error(
                line,
                format!("kolumnen «{shown}» saknas. Första raden ska namnge kolumnerna: område; id; text; vägledning; hänvisning."),
            )
        })
    };
    Ok(Columns {
        area: required(&["område", "omrade", "area", "kapitel"], "område")?,
        id: required(&["id", "nummer", "kravid"], "id")?,
        text: required(&["text", "krav", "fråga", "requirement"], "text")?,
        guidance: find(&["vägledning", "vagledning", "guidance", "stöd"]),
        reference: find(&["hänvisning", "hanvisning", "referens", "reference", "källa"]),
    })
}

/// The separator used in the header line: `;`, tab or `,`, whichever occurs most there.
fn detect_separator(text: &str) -> char {
    let header = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("");
    [';', '\t', ',']
        .into_iter()
        .max_by_key(|candidate| header.matches(*candidate).count())
        .unwrap_or(';')
}

/// Splits CSV text into rows of fields, each with the line it starts on, leaving out blank rows
/// and stopping after `max_rows`. Quotes follow RFC 4180.
///
/// Blank rows are left out as they are read, and reading stops at `max_rows`, so that the rows
/// held are bounded by what can be imported, not by the file: a 5 MB file of line breaks took
/// 775 MB as empty rows before (found while fuzzing the framework import).
fn parse_csv(
    text: &str,
    separator: char,
    max_rows: usize,
) -> Result<Vec<(usize, Vec<String>)>, ImportError> {
    let mut rows = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let (mut line, mut row_line) = (1, 1);
    let mut quoted = false;
    let mut quote_line = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, '\n') => {
                line += 1;
                field.push('\n');
            }
            (true, c) => field.push(c),
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
                quote_line = line;
            }
            (false, c) if c == separator => fields.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                fields.push(std::mem::take(&mut field));
                let row = std::mem::take(&mut fields);
                if !is_blank(&row) {
                    rows.push((row_line, row));
                    if rows.len() == max_rows {
                        return Ok(rows);
                    }
                }
                line += 1;
                row_line = line;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(error(quote_line, "ett citattecken (\") avslutas aldrig."));
    }
    fields.push(field);
    if !is_blank(&fields) {
        rows.push((row_line, fields));
    }
    Ok(rows)
}

fn is_blank(row: &[String]) -> bool {
    row.iter().all(|field| field.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swedish_spreadsheet_csv_becomes_areas_in_order() {
        let csv = "\u{feff}Område;Id;Text;Vägledning;Hänvisning\r\n\
                   Styrning;1.1;\"Policy finns; beslutad\";Se beslut;2.1\r\n\
                   Incidenter;2.1;\"Rutin för \"\"incidenter\"\"\nfinns\";;3\r\n\
                   Styrning;1.2;Mål följs upp;;\r\n";
        let framework = framework_from_csv(csv, "riktlinje", "Riktlinje").expect("reads");
        let titles: Vec<&str> = framework.areas.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Styrning", "Incidenter"]);
        let (_, policy) = framework.requirement("1.1").expect("1.1");
        assert_eq!(policy.text, "Policy finns; beslutad");
        assert_eq!(policy.guidance, "Se beslut");
        assert_eq!(policy.reference, "2.1");
        let (_, incidents) = framework.requirement("2.1").expect("2.1");
        assert_eq!(incidents.text, "Rutin för \"incidenter\"\nfinns");
        assert_eq!(framework.areas[0].requirements.len(), 2);
    }

    #[test]
    fn comma_separated_english_headers_and_blank_lines_are_read() {
        let csv = "area,id,requirement\n\nA,K1,One\nB,K2,Two\n";
        let framework = framework_from_csv(csv, "x", "X").expect("reads");
        assert_eq!(framework.requirement_count(), 2);
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("område;id;text\nA;1;Ett\nA;1;Två\n", "Rad 3: id «1» finns redan på en tidigare rad."),
            ("område;id;text\nA;;Ett\n", "Rad 2: kravet saknar id."),
            ("område;id;text\nA;1;\n", "Rad 2: krav «1» saknar text."),
            ("område;id\nA;1\n", "Rad 1: kolumnen «text» saknas. Första raden ska namnge kolumnerna: område; id; text; vägledning; hänvisning."),
            ("område;id;text\nA;1;\"Ett\nB;2;Två\n", "Rad 2: ett citattecken (\") avslutas aldrig."),
            ("", "Filen är tom."),
            ("område;id;text\n", "Ramverket har inga krav."),
        ];
        for (csv, expected) in cases {
            let message = framework_from_csv(csv, "x", "X")
                .expect_err(csv)
                .to_string();
            assert_eq!(message, expected, "{csv:?}");
        }
    }

    #[test]
    fn a_quoted_line_break_counts_lines_for_later_errors() {
        let csv = "område;id;text\nA;1;\"två\nrader\"\nA;1;igen\n";
        let message = framework_from_csv(csv, "x", "X")
            .expect_err("duplicate")
            .to_string();
        assert!(message.starts_with("Rad 4:"), "{message}");
    }

    #[test]
    fn framework_json_is_checked_for_format_and_content() {
        assert!(load_framework("{")
            .expect_err("broken")
            .to_string()
            .starts_with("Rad 1:"));
        assert_eq!(
            load_framework("{\"format\":\"yttra-case\"}")
                .expect_err("a case")
                .line,
            0
        );
        let missing_title =
            "{\"format\":\"yttra-framework\",\"format_version\":1,\"id\":\"x\",\"areas\":[]}";
        assert_eq!(
            load_framework(missing_title)
                .expect_err("no title")
                .to_string(),
            "Fel i fältet (filen): fältet «title» saknas."
        );
        let mut framework = crate::framework::built_in_lis();
        framework.areas[0].requirements[1].id = framework.areas[0].requirements[0].id.clone();
        let text = serde_json::to_string(&framework).expect("serialises");
        assert!(load_framework(&text)
            .expect_err("duplicate")
            .message
            .contains("används av flera krav"));
    }

    #[test]
    fn five_hundred_requirements_read_quickly_and_completely() {
        let mut csv = String::from("område;id;text;vägledning\n");
        for index in 0..500 {
            csv.push_str(&format!(
                "Kapitel {};K{index};Krav nummer {index};Stöd\n",
                index / 40
            ));
        }
        let framework = framework_from_csv(&csv, "stor", "Stor riktlinje").expect("reads");
        assert_eq!(framework.requirement_count(), 500);
        assert_eq!(framework.areas.len(), 13);
    }
}
