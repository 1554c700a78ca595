//! Reading frameworks: the framework JSON file, and a municipality's guideline as CSV (one row per
//! requirement: area, id, text, guidance, reference). Every failure is one Swedish message that
//! names the line, and nothing is half read: an import either gives a whole framework or none.
//! What an import had to decide on its own (a row without a chapter, columns it does not read,
//! a quote that seems to swallow rows) comes back as warnings, for the user to see before the
//! framework is used: an import never guesses silently.

use std::collections::HashSet;
use std::fmt;

use crate::applicability::{known_role, parse_thresholds, split_roles, Applicability};
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
        at_line(f, self.line, &self.message)
    }
}

/// "Rad 3: …", or the message alone for the whole file (line 0).
fn at_line(f: &mut fmt::Formatter<'_>, line: usize, message: &str) -> fmt::Result {
    if line == 0 {
        write!(f, "{message}")
    } else {
        write!(f, "Rad {line}: {message}")
    }
}

impl std::error::Error for ImportError {}

/// Something an import read in a way the user should check; `line` as in [`ImportError`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportWarning {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        at_line(f, self.line, &self.message)
    }
}

/// A framework as read, with what the user should check before using it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub framework: Framework,
    pub warnings: Vec<ImportWarning>,
}

impl Imported {
    /// Each chapter's title and number of requirements, in order.
    pub fn chapters(&self) -> Vec<(String, usize)> {
        self.framework
            .areas
            .iter()
            .map(|area| (area.title.clone(), area.requirements.len()))
            .collect()
    }
}

fn warning(line: usize, message: impl Into<String>) -> ImportWarning {
    ImportWarning {
        line,
        message: message.into(),
    }
}

/// The largest framework file read; a guideline of 500 requirements is well under 1 MB.
pub const MAX_FRAMEWORK_FILE_BYTES: usize = 5 * 1024 * 1024;

/// Reads a picked framework file: a Yttra framework (JSON) or a guideline as CSV, whose id and
/// title come from the file name. A spreadsheet saved as `.xlsx` or in the Windows encoding is
/// named as such.
pub fn read_framework_file(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_FRAMEWORK_FILE_BYTES {
        return Err(error(
            0,
            "Filen är för stor för att vara ett ramverk (högst 5 MB).",
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(error(
            0,
            "Filen är ett Excel-dokument (.xlsx), inte CSV. Spara den som \"CSV UTF-8\" i \
             kalkylprogrammet och importera den filen.",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        let windows = bytes
            .iter()
            .any(|b| matches!(b, 0xC4 | 0xC5 | 0xD6 | 0xE4 | 0xE5 | 0xF6));
        error(
            0,
            if windows {
                "Filen är sparad i Windows-teckenkodning (å, ä och ö kan inte läsas). Spara den \
                 som \"CSV UTF-8\" i kalkylprogrammet."
            } else {
                "Filen är inte text i UTF-8. Spara den som \"CSV UTF-8\" i kalkylprogrammet."
            },
        )
    })?;
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let looks_like_json = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{');
    if looks_like_json {
        return load_framework(text).map(|framework| Imported {
            framework,
            warnings: Vec::new(),
        });
    }
    let id: String = stem
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    read_csv(text, &id, stem)
}

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
    if !version.is_some_and(|version| (1..=u64::from(FRAMEWORK_VERSION)).contains(&version)) {
        return Err(error(
            0,
            format!("Ramverkets formatversion kan inte läsas (den här versionen läser 1–{FRAMEWORK_VERSION})."),
        ));
    }
    let mut framework: Framework = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = match e.path().to_string() {
            root if root == "." => "(filen)".to_string(),
            path => path,
        };
        let problem = swedish_serde_problem(&e.into_inner().to_string());
        error(0, format!("Fel i fältet {path}: {problem}"))
    })?;
    // Each version only added fields with defaults, so an older file is a current one.
    framework.format_version = FRAMEWORK_VERSION;
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
    /// "gäller från": classification thresholds, "K2;R3".
    applies_from: Option<usize>,
    roles: Option<usize>,
}

/// Reads a guideline as CSV: [`read_csv`] without its warnings.
pub fn framework_from_csv(text: &str, id: &str, title: &str) -> Result<Framework, ImportError> {
    read_csv(text, id, title).map(|imported| imported.framework)
}

/// Reads a guideline as CSV. The first row names the columns: område/area, id, text/krav,
/// vägledning/guidance, hänvisning/referens/reference, gäller från (classification thresholds
/// such as "K2;R3") and roller (roles); the last four are optional. Separators `;`
/// (Swedish spreadsheets), `,` or tab; quoted fields may hold separators and line breaks.
pub fn read_csv(text: &str, id: &str, title: &str) -> Result<Imported, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    let separator = detect_separator(text);
    // The header, the most requirements allowed and one more, which is refused below.
    let parsed = parse_csv(text, separator, MAX_REQUIREMENTS + 2)?;
    let mut rows = parsed.rows.into_iter();
    let (header_line, header) = rows.next().ok_or_else(|| error(0, "Filen är tom."))?;
    let columns = find_columns(&header, header_line)?;
    let mut warnings = unused_columns(&header, &columns, header_line);
    warnings.extend(parsed.merged.iter().map(|merged| {
        warning(
            merged.opened,
            format!(
                "rad {} och {} ser ut att ha slagits ihop: ett citattecken (\") på rad {} \
                 avslutas först på rad {}, så raderna emellan blev en del av en text. \
                 Kontrollera citattecknen i kalkylprogrammet.",
                merged.opened, merged.row_like, merged.opened, merged.closed
            ),
        )
    }));
    let mut framework = Framework::new(id, title);
    framework.source = "Importerad riktlinje (CSV)".into();
    let mut seen = HashSet::new();
    let mut unknown_roles = Vec::new();
    for (line, fields) in rows {
        if let Some(extra) = beyond_header(&fields, header.len()) {
            warnings.push(warning(
                line,
                format!(
                    "raden har fler fält än rubrikraden, så {extra} läses inte in. Står ett \
                     semikolon eller kommatecken i en text utan citattecken runt?"
                ),
            ));
        }
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
            warnings.push(warning(
                line,
                format!("krav «{requirement_id}» har inget område och läggs under «Övrigt»."),
            ));
            "Övrigt"
        } else {
            area_title
        };
        let applies = Applicability {
            from: columns
                .applies_from
                .map(|index| thresholds_in(cell(index), &header[index], line, &mut warnings))
                .unwrap_or_default(),
            roles: columns
                .roles
                .map(|index| roles_in(cell(index), line, &mut unknown_roles))
                .unwrap_or_default(),
        };
        let requirement = Requirement {
            id: requirement_id.to_string(),
            text: requirement_text.to_string(),
            guidance: columns.guidance.map(cell).unwrap_or_default().to_string(),
            reference: columns.reference.map(cell).unwrap_or_default().to_string(),
            applies,
        };
        area_named(&mut framework.areas, area_title)
            .requirements
            .push(requirement);
    }
    warnings.extend(unknown_role_warnings(unknown_roles));
    // In the order of the file, as the user will look for them.
    warnings.sort_by_key(|warning| warning.line);
    let framework = check(framework, 0)?;
    Ok(Imported {
        framework,
        warnings,
    })
}

/// The non-empty fields of a row past the header's columns, quoted for a message.
fn beyond_header(fields: &[String], columns: usize) -> Option<String> {
    let extra: Vec<String> = fields
        .iter()
        .skip(columns)
        .map(|field| field.trim())
        .filter(|field| !field.is_empty())
        .map(|field| format!("«{field}»"))
        .collect();
    (!extra.is_empty()).then(|| extra.join(", "))
}

/// The thresholds of a "gäller från" cell; a cell with a part that is none gives no threshold
/// (the requirement always applies) and a warning.
fn thresholds_in(
    text: &str,
    column: &str,
    line: usize,
    warnings: &mut Vec<ImportWarning>,
) -> Vec<crate::applicability::Threshold> {
    let (thresholds, problems) = parse_thresholds(text);
    if problems.is_empty() {
        return thresholds;
    }
    // Thresholds are any-of: keeping only the parts that were read would make the requirement
    // apply less often than written, so a cell with a doubtful part gives none.
    warnings.push(warning(
        line,
        format!(
            "{} i kolumnen «{}»; kravet gäller därför alltid.",
            problems.join(", "),
            column.trim()
        ),
    ));
    Vec::new()
}

/// The roles of a "roller" cell, known roles in their usual spelling. A role that is not known
/// is kept as written and its line noted in `unknown` (it may be a typing error).
fn roles_in(text: &str, line: usize, unknown: &mut Vec<(String, Vec<usize>)>) -> Vec<String> {
    let mut roles: Vec<String> = Vec::new();
    for name in split_roles(text) {
        let role = known_role(name).unwrap_or_else(|own| {
            match unknown.iter_mut().find(|(role, _)| *role == own) {
                Some((_, lines)) => lines.push(line),
                None => unknown.push((own.clone(), vec![line])),
            }
            own
        });
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    roles
}

/// One warning per role that is not known, at its first line, naming its other lines.
fn unknown_role_warnings(unknown: Vec<(String, Vec<usize>)>) -> Vec<ImportWarning> {
    unknown
        .into_iter()
        .map(|(role, lines)| {
            let also = match lines.get(1..).unwrap_or_default() {
                [] => String::new(),
                [only] => format!(" (även rad {only})"),
                [rest @ .., last] => {
                    let rest: Vec<String> = rest.iter().map(usize::to_string).collect();
                    format!(" (även rad {} och {last})", rest.join(", "))
                }
            };
            warning(
                lines.first().copied().unwrap_or(0),
                format!(
                    "rollen «{role}»{also} är inte en av de vanliga rollerna ({}); \
                     den läses in som den står.",
                    crate::applicability::KNOWN_ROLES.join(", ")
                ),
            )
        })
        .collect()
}

/// The header's columns that are not read, named, so nothing is dropped without a word.
fn unused_columns(header: &[String], columns: &Columns, line: usize) -> Vec<ImportWarning> {
    let used = [
        Some(columns.area),
        Some(columns.id),
        Some(columns.text),
        columns.guidance,
        columns.reference,
        columns.applies_from,
        columns.roles,
    ];
    let unused: Vec<String> = header
        .iter()
        .enumerate()
        .filter(|(index, name)| !used.contains(&Some(*index)) && !name.trim().is_empty())
        .map(|(_, name)| format!("«{}»", name.trim()))
        .collect();
    match unused.as_slice() {
        [] => Vec::new(),
        [one] => vec![warning(line, format!("kolumnen {one} läses inte in."))],
        many => vec![warning(
            line,
            format!("kolumnerna {} läses inte in.", many.join(", ")),
        )],
    }
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
                format!("kolumnen «{shown}» saknas. Första raden ska namnge kolumnerna: område; id; text; vägledning; hänvisning; gäller från; roller."),
            )
        })
    };
    Ok(Columns {
        area: required(&["område", "omrade", "area", "kapitel"], "område")?,
        id: required(&["id", "nummer", "kravid"], "id")?,
        text: required(&["text", "krav", "fråga", "requirement"], "text")?,
        guidance: find(&["vägledning", "vagledning", "guidance", "stöd"]),
        reference: find(&["hänvisning", "hanvisning", "referens", "reference", "källa"]),
        applies_from: find(&[
            "gäller_från",
            "gäller från",
            "galler_fran",
            "gäller från klassning",
            "klassning",
            "tillämplighet",
            "applies_from",
        ]),
        roles: find(&["roller", "roll", "målgrupp", "roles"]),
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

/// A quoted field that seems to hold further rows: the quote opened on `opened`, the line
/// `row_like` inside it has as many separators as a row, and the quote closed on `closed`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct MergedRows {
    opened: usize,
    row_like: usize,
    closed: usize,
}

/// The rows of a CSV text, and quoted fields that seem to have swallowed rows.
struct ParsedCsv {
    rows: Vec<(usize, Vec<String>)>,
    merged: Vec<MergedRows>,
}

/// Splits CSV text into rows of fields, each with the line it starts on, leaving out blank rows
/// and stopping after `max_rows`. Quotes follow RFC 4180.
///
/// Blank rows are left out as they are read, and reading stops at `max_rows`, so that the rows
/// held are bounded by what can be imported, not by the file: a 5 MB file of line breaks took
/// 775 MB as empty rows before (found while fuzzing the framework import).
///
/// A quote left open in a spreadsheet swallows the rows after it into one text until the next
/// quote; a line inside a quoted field with as many separators as the header has is reported.
fn parse_csv(text: &str, separator: char, max_rows: usize) -> Result<ParsedCsv, ImportError> {
    let mut parsed = ParsedCsv {
        rows: Vec::new(),
        merged: Vec::new(),
    };
    let mut fields = Vec::new();
    let mut field = String::new();
    let (mut line, mut row_line) = (1, 1);
    let mut quoted = false;
    let mut quote_line = 0;
    // The current line inside a quoted field, and the first such line that looked like a row;
    // a row has as many separators as the header (known after the first row).
    let mut inner_line = String::new();
    let mut row_like: Option<usize> = None;
    let mut row_separators: Option<usize> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => {
                quoted = false;
                // The line that closes the field is judged whole: a row whose text ends in the
                // stray quote's partner has most of its separators after it.
                let rest_of_line: String = chars.clone().take_while(|c| *c != '\n').collect();
                let closing_line = format!("{inner_line}\"{rest_of_line}");
                if row_like.is_none()
                    && line > quote_line
                    && looks_like_row(&closing_line, separator, row_separators)
                {
                    row_like = Some(line);
                }
                if let Some(row_like) = row_like.take() {
                    parsed.merged.push(MergedRows {
                        opened: quote_line,
                        row_like,
                        closed: line,
                    });
                }
            }
            (true, '\n') => {
                if row_like.is_none()
                    && line > quote_line
                    && looks_like_row(&inner_line, separator, row_separators)
                {
                    row_like = Some(line);
                }
                line += 1;
                inner_line.clear();
                field.push('\n');
            }
            (true, c) => {
                inner_line.push(c);
                field.push(c);
            }
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
                quote_line = line;
                inner_line.clear();
            }
            (false, c) if c == separator => fields.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                fields.push(std::mem::take(&mut field));
                let row = std::mem::take(&mut fields);
                if !is_blank(&row) {
                    row_separators.get_or_insert(row.len().saturating_sub(1));
                    parsed.rows.push((row_line, row));
                    if parsed.rows.len() == max_rows {
                        return Ok(parsed);
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
        parsed.rows.push((row_line, fields));
    }
    Ok(parsed)
}

/// Whether a line inside a quoted field reads as a row of its own: as many separators as the
/// header has, a first field, and no field after it starting with a space (prose puts a space
/// after its commas and semicolons; a spreadsheet does not).
fn looks_like_row(line: &str, separator: char, row_separators: Option<usize>) -> bool {
    let Some(needed) = row_separators.filter(|needed| *needed > 0) else {
        return false;
    };
    let fields: Vec<&str> = line.split(separator).collect();
    fields.len() > needed
        && !fields[0].trim().is_empty()
        && fields[1..]
            .iter()
            .all(|field| !field.starts_with(char::is_whitespace))
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
            ("område;id\nA;1\n", "Rad 1: kolumnen «text» saknas. Första raden ska namnge kolumnerna: område; id; text; vägledning; hänvisning; gäller från; roller."),
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
    fn a_quote_left_open_that_swallows_rows_is_a_warning_naming_the_lines() {
        let csv = "område;id;text\nA;1;\"Ett med citat\nA;2;Två\nA;3;Tre\"\nA;4;Fyra\n";
        let imported = read_csv(csv, "x", "X").expect("reads");
        assert_eq!(
            imported.framework.requirement_count(),
            2,
            "what was read is shown"
        );
        assert_eq!(
            imported.warnings[0].to_string(),
            "Rad 2: rad 2 och 3 ser ut att ha slagits ihop: ett citattecken (\") på rad 2 \
             avslutas först på rad 4, så raderna emellan blev en del av en text. Kontrollera \
             citattecknen i kalkylprogrammet."
        );
        let ordinary = "område;id;text\nA;1;\"Två\nrader; med semikolon\"\n";
        assert_eq!(read_csv(ordinary, "x", "X").expect("reads").warnings, []);
        let prose = "område,id,text\nA,1,\"Kommunen ska\nplanera, genomföra, följa upp\"\n";
        assert_eq!(read_csv(prose, "x", "X").expect("reads").warnings, []);
    }

    #[test]
    fn unused_columns_and_rows_without_a_chapter_are_named() {
        let csv = "område;id;text;Ansvarig;Status\nA;1;Ett;IT;klar\n;2;Två;;\n";
        let imported = read_csv(csv, "x", "X").expect("reads");
        let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "Rad 1: kolumnerna «Ansvarig», «Status» läses inte in.",
                "Rad 3: krav «2» har inget område och läggs under «Övrigt».",
            ]
        );
        assert_eq!(
            imported.chapters(),
            [("A".to_string(), 1), ("Övrigt".to_string(), 1)]
        );
    }

    #[test]
    fn applicability_and_roles_are_read_and_doubtful_values_named_at_their_line() {
        let csv = "Område;Id;Text;Gäller från;Roller\n\
                   Kryptering;1;Krypterad överföring;K2;IT-drift\n\
                   Kontinuitet;2;Kontinuitetsplan;T3;\"Systemägare; IT-drift\"\n\
                   Kontinuitet;3;Övad plan;T5;alla\n\
                   Kontinuitet;4;Reservrutin;\"K2;X3\";Systemägare\n\
                   Utbildning;5;Utbildning;;Nämndsekreterare\n\
                   Utbildning;6;Introduktion;;\"Nämndsekreterare, chefer\"\n";
        let imported = read_csv(csv, "x", "X").expect("reads");
        let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "Rad 4: «T5» har ingen nivå 1–4 (1 Mindre viktig, 4 Kritisk) i kolumnen \
                 «Gäller från»; kravet gäller därför alltid.",
                "Rad 5: «X3» är ingen parameter i klassningsmodellen (K, R, T eller Sp) i \
                 kolumnen «Gäller från»; kravet gäller därför alltid.",
                "Rad 6: rollen «Nämndsekreterare» (även rad 7) är inte en av de vanliga rollerna \
                 (Alla medarbetare, Förtroendevalda, Chefer, HR, Upphandling, Informationsägare, \
                 Systemägare, Systemförvaltare, IT-drift, Arkiv, \
                 Informationssäkerhetssamordnare); den läses in som den står.",
            ]
        );
        let framework = imported.framework;
        let applies = |id: &str| framework.requirement(id).expect(id).1.applies.clone();
        assert_eq!(applies("1").from_sv(), "K2");
        assert_eq!(applies("1").roles, ["IT-drift"]);
        assert_eq!(applies("2").roles, ["Systemägare", "IT-drift"]);
        assert!(applies("3").from.is_empty());
        assert_eq!(applies("3").roles, [crate::applicability::EVERYONE]);
        assert!(
            applies("4").from.is_empty(),
            "a doubtful cell gives no threshold"
        );
        assert_eq!(applies("6").roles, ["Nämndsekreterare", "Chefer"]);
        assert_eq!(
            framework.roles(),
            [
                "Alla medarbetare",
                "Chefer",
                "Systemägare",
                "IT-drift",
                "Nämndsekreterare"
            ]
        );
        assert!(framework.has_thresholds());
        // Written and read again as JSON, nothing is lost.
        let json = serde_json::to_string(&framework).expect("json");
        assert_eq!(load_framework(&json).expect("loads"), framework);
    }

    #[test]
    fn fields_past_the_header_are_named() {
        let csv = "område;id;text\nA;1;Ett; två;tre\nA;2;Två;\n";
        let imported = read_csv(csv, "x", "X").expect("reads");
        let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            ["Rad 2: raden har fler fält än rubrikraden, så «två», «tre» läses inte in. Står ett \
              semikolon eller kommatecken i en text utan citattecken runt?"]
        );
    }

    #[test]
    fn a_version_1_framework_file_is_read_as_the_current_version() {
        let old = r#"{"format":"yttra-framework","format_version":1,"id":"x","title":"X",
            "areas":[{"id":"a","title":"A","requirements":[{"id":"1","text":"Ett"}]}]}"#;
        let framework = load_framework(old).expect("reads");
        assert_eq!(framework.format_version, FRAMEWORK_VERSION);
        assert!(framework.requirement("1").expect("1").1.applies.is_always());
        let newer = old.replace("\"format_version\":1", "\"format_version\":9");
        let refused = load_framework(&newer).expect_err("newer");
        assert!(refused.message.contains("läser 1–2"), "{refused}");
    }

    #[test]
    fn spreadsheets_not_saved_as_utf8_csv_are_named() {
        let xlsx = read_framework_file("riktlinje.csv", b"PK\x03\x04rest").expect_err("xlsx");
        assert!(xlsx.message.contains("Excel-dokument (.xlsx)"), "{xlsx}");
        let windows =
            read_framework_file("riktlinje.csv", b"omr\xe5de;id;text\n").expect_err("ansi");
        assert!(
            windows.message.contains("Windows-teckenkodning"),
            "{windows}"
        );
        let imported =
            read_framework_file("Riktlinje 2026.csv", "område;id;text\nA;1;Ett\n".as_bytes())
                .expect("reads");
        assert_eq!(imported.framework.id, "riktlinje-2026");
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
