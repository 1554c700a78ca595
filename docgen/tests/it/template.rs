//! Documents written into a municipality's Word template. The template is the one in
//! `tests/fixtures/word-template` (`docgen::synthetic::municipal_template`), part by part as a Swedish Word saves a municipal letterhead
//! (`.dotx`): Swedish style ids (`Rubrik1`, `Sidhuvud`, `Tabellrutnt`), a first-page header
//! with a logo and content controls for the diarienummer and date, a header on the following
//! pages with a placeholder Word has split over three runs, an address footer, a `[Yttra]`
//! marker between fixed paragraphs, a case system's custom XML and custom property, the path
//! of the template it came from and a thumbnail of its first page.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};

use docgen::template::{Template, TemplateError};
use docgen::xml_tree::{self, Element};
use schemas::documents::DocumentKind;
use schemas::documents::Request;
use schemas::template::Placement;

use crate::support::{example, read_part, today};

/// The fixture's parts, with `change` applied to their text.
fn fixture_parts(change: impl Fn(&str, String) -> String) -> Vec<(String, Vec<u8>)> {
    docgen::synthetic::municipal_template_parts()
        .into_iter()
        .map(|(name, bytes)| match String::from_utf8(bytes) {
            Ok(text) => {
                let changed = change(&name, text);
                (name, changed.into_bytes())
            }
            Err(binary) => (name, binary.into_bytes()),
        })
        .collect()
}

fn zip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    docgen::synthetic::zip_parts(parts)
}

fn fixture_with(change: impl Fn(&str, String) -> String) -> Vec<u8> {
    zip(&fixture_parts(change))
}

/// The fixture with `change` applied to its body (`word/document.xml`) only.
fn fixture_with_body(change: impl Fn(String) -> String) -> Vec<u8> {
    fixture_with(|name, text| {
        if name == "word/document.xml" {
            change(text)
        } else {
            text
        }
    })
}

pub fn fixture() -> Vec<u8> {
    fixture_with(|_, text| text)
}

fn template(bytes: &[u8]) -> Template {
    Template::read(bytes, "Exempelby yttrande.dotx").expect("a valid template")
}

/// The example case, with the official who writes the tjänsteskrivelse (the `{{handläggare}}`).
fn case() -> schemas::Case {
    let mut case = example("it-sakerhet-tva-namnder");
    let response = case
        .responses
        .iter_mut()
        .find(|response| response.board == "ks")
        .expect("ks answers");
    response.first.cover_note.author.name = "Lena Holm".into();
    case
}

fn first_yttrande_in(template: &Template) -> Vec<u8> {
    let case = case();
    let request = Request::document("ks", DocumentKind::FirstYttrande);
    docgen::make_in(&case, &request, today(), Some(template))
        .expect("merges")
        .bytes
}

fn parts_of(docx: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("zip");
    let mut parts = BTreeMap::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("entry");
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read");
        parts.insert(entry.name().to_string(), bytes);
    }
    parts
}

fn text(docx: &[u8], part: &str) -> String {
    read_part(docx, part).unwrap_or_else(|| panic!("{part} missing"))
}

#[test]
fn the_merged_document_matches_its_golden_file() {
    let docx = first_yttrande_in(&template(&fixture()));
    let mut golden = String::new();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/custom.xml",
        "word/_rels/document.xml.rels",
        "word/_rels/settings.xml.rels",
        "word/settings.xml",
        "word/styles.xml",
        "word/header1.xml",
        "word/header2.xml",
        "word/footer1.xml",
        "customXml/item1.xml",
        "customXml/_rels/item2.xml.rels",
        "word/document.xml",
    ] {
        let xml = text(&docx, part);
        let document = xml_tree::parse(xml.as_bytes()).expect("part is XML");
        golden.push_str(&format!("<!-- {part} -->\n"));
        golden.push_str(&xml_tree::write_pretty(&document));
    }
    crate::golden::check_one("template-ks-first.xml", &golden);
}

#[test]
fn every_part_of_the_template_is_kept_and_every_reference_resolves() {
    let fixture = fixture();
    let docx = first_yttrande_in(&template(&fixture));
    let merged = parts_of(&docx);
    for (name, bytes) in parts_of(&fixture) {
        if name == "docProps/thumbnail.jpeg" {
            assert!(
                !merged.contains_key(&name),
                "the template's thumbnail is left out"
            );
            continue;
        }
        let kept = merged
            .get(&name)
            .unwrap_or_else(|| panic!("{name} was dropped"));
        // The case system's custom XML is kept too; its item holds the bound diarienummer.
        let unchanged = name.starts_with("word/media/")
            || (name.starts_with("customXml/") && name != "customXml/item1.xml")
            || name == "word/theme/theme1.xml";
        if unchanged {
            assert_eq!(kept, &bytes, "{name} changed");
        }
    }
    let types = xml_tree::parse(&merged["[Content_Types].xml"]).expect("xml");
    for name in merged.keys() {
        assert!(
            content_type(&types.root, name).is_some(),
            "{name} has no content type"
        );
    }
    for (name, bytes) in merged.iter().filter(|(name, _)| name.ends_with(".rels")) {
        let rels = xml_tree::parse(bytes).expect("xml");
        let mut ids = BTreeSet::new();
        let folder = name
            .replace("_rels/", "")
            .trim_end_matches(".rels")
            .rsplit_once('/')
            .map(|(dir, _)| dir.to_string())
            .unwrap_or_default();
        for relationship in rels.root.child_elements() {
            let id = relationship.attribute("Id").expect("id");
            assert!(ids.insert(id.to_string()), "{name}: id {id} twice");
            if relationship.attribute("TargetMode") == Some("External") {
                continue;
            }
            let target = docgen::template::resolve_target(
                &folder,
                relationship.attribute("Target").expect("target"),
            );
            assert!(
                merged.contains_key(&target),
                "{name}: {id} points to missing {target}"
            );
        }
    }
    // Both headers show the logo as drawing 1 in the template; Word wants each id once.
    let mut drawing_ids = BTreeSet::new();
    for part in [
        "word/document.xml",
        "word/header1.xml",
        "word/header2.xml",
        "word/footer1.xml",
    ] {
        let xml = text(&docx, part);
        let root = xml_tree::parse(xml.as_bytes()).expect("xml");
        walk(&root.root, &mut |element| {
            if element.name == "wp:docPr" {
                let id = element.attribute("id").expect("id").to_string();
                assert!(drawing_ids.insert(id.clone()), "drawing id {id} twice");
            }
        });
    }
    assert_eq!(drawing_ids.len(), 2);
    let body = text(&docx, "word/document.xml");
    let root = xml_tree::parse(body.as_bytes()).expect("xml");
    let mut bookmark_ids = BTreeSet::new();
    walk(&root.root, &mut |element| {
        if element.name == "w:bookmarkStart" {
            let id = element.attribute("w:id").expect("id").to_string();
            assert!(bookmark_ids.insert(id.clone()), "bookmark id {id} twice");
        }
    });
}

fn walk(element: &Element, visit: &mut dyn FnMut(&Element)) {
    visit(element);
    for child in element.child_elements() {
        walk(child, visit);
    }
}

fn content_type<'e>(types: &'e Element, part: &str) -> Option<&'e str> {
    let name = format!("/{part}");
    types
        .child_elements()
        .find(|e| e.name == "Override" && e.attribute("PartName") == Some(name.as_str()))
        .or_else(|| {
            let extension = part.rsplit_once('.')?.1;
            types
                .child_elements()
                .find(|e| e.name == "Default" && e.attribute("Extension") == Some(extension))
        })
        .and_then(|e| e.attribute("ContentType"))
}

#[test]
fn the_template_gives_page_headers_footers_and_styles_and_yttra_the_content() {
    let docx = first_yttrande_in(&template(&fixture()));
    let body = text(&docx, "word/document.xml");
    // The template's page and first-page headers stay.
    assert!(body.contains(r#"<w:pgMar w:top="2552" w:right="1418" w:bottom="1701" w:left="1985""#));
    assert!(body.contains("<w:titlePg/>"));
    // Yttra's content sits between the template's fixed paragraphs, in the template's styles.
    let before = body
        .find("Till kommunens revisorer")
        .expect("fixed text before");
    let title = body
        .find("Granskning av IT-säkerhet")
        .expect("Yttra's title");
    let after = body.find("Med vänlig hälsning").expect("fixed text after");
    assert!(before < title && title < after);
    assert!(!body.contains("[Yttra]"));
    assert!(body.contains(r#"<w:pStyle w:val="Rubrik1"/>"#));
    assert!(body.contains(r#"<w:pStyle w:val="Rubrik"/>"#));
    assert!(body.contains(r#"<w:tblStyle w:val="Tabellrutnt"/>"#));
    assert!(!body.contains(r#"w:val="Heading1""#));
    // Fields in the template's own body text are filled.
    assert!(
        body.contains("Vår referens: Lena Holm, Kommunstyrelsen"),
        "{body}"
    );
    assert!(body.contains("Sundby kommun"));
    let styles = text(&docx, "word/styles.xml");
    assert!(
        styles.contains(r#"w:ascii="Georgia""#),
        "the template's fonts stay"
    );
    assert!(
        styles.contains(r#"w:styleId="Tabelltext""#),
        "Yttra adds the style the template lacks"
    );
    assert!(!styles.contains(r#"w:styleId="Heading1""#), "{styles}");
}

#[test]
fn fields_are_filled_in_headers_footers_controls_and_properties() {
    let docx = first_yttrande_in(&template(&fixture()));
    let first_header = text(&docx, "word/header1.xml");
    assert!(first_header.contains("KS-2025-114"), "{first_header}");
    assert!(first_header.contains(r#"w:fullDate="2025-04-02T00:00:00Z""#));
    assert!(!first_header.contains("showingPlcHdr"));
    assert!(!first_header.contains("Klicka här"));
    assert!(first_header.contains(r#"r:embed="rId1""#), "the logo stays");
    let header = text(&docx, "word/header2.xml");
    assert!(
        header.contains("Exempelby kommun · Kommunstyrelsen · Dnr KS-2025-114"),
        "a placeholder split over runs is filled: {header}"
    );
    let footer = text(&docx, "word/footer1.xml");
    assert!(
        footer.contains("Första yttrande 2025-04-02 · {{kontor}}"),
        "{footer}"
    );
    // The diarienummer control is bound to the case system's custom XML, which Word shows.
    assert!(text(&docx, "customXml/item1.xml").contains("<dnr>KS-2025-114</dnr>"));
    let custom = text(&docx, "docProps/custom.xml");
    assert!(custom.contains("<vt:lpwstr>KS-2025-114</vt:lpwstr>"));
    assert!(
        custom.contains("<vt:lpwstr>Yttrande</vt:lpwstr>"),
        "other properties stay"
    );
    let core = text(&docx, "docProps/core.xml");
    assert!(!core.contains("Mallens författare") && core.contains("Kommunstyrelsen"));
    let app = text(&docx, "docProps/app.xml");
    assert!(!app.contains("Exempelby yttrande.dotx"));
    let settings = text(&docx, "word/settings.xml");
    assert!(!settings.contains("attachedTemplate"));
    assert!(!text(&docx, "word/_rels/settings.xml.rels").contains("fil01"));
    let types = text(&docx, "[Content_Types].xml");
    assert!(types.contains("wordprocessingml.document.main+xml"));
    assert!(!types.contains("template.main+xml"));
}

#[test]
fn the_summary_says_what_the_template_holds() {
    let summary = template(&fixture()).summary();
    assert_eq!(summary.placement, Some(Placement::Marker));
    assert_eq!(
        (
            summary.page.width_mm,
            summary.page.height_mm,
            summary.page.left_mm
        ),
        (210, 297, 35)
    );
    assert_eq!(summary.headers.len(), 2);
    let first = summary
        .headers
        .iter()
        .find(|h| h.pages == "Första sidan")
        .expect("first page");
    assert_eq!(first.images, 1);
    assert!(first
        .lines
        .iter()
        .any(|line| line.contains("Exempelby kommun")));
    assert_eq!(
        summary.fields,
        [
            "datum",
            "diarienummer",
            "dokument",
            "handläggare",
            "nämnd",
            "organisation"
        ]
    );
    assert_eq!(summary.unknown, ["{{kontor}}"]);
    let heading = summary
        .styles
        .iter()
        .find(|s| s.role == "Rubrik 1")
        .expect("role");
    assert_eq!(heading.template_style.as_deref(), Some("Rubrik1"));
    assert!(summary
        .notes
        .iter()
        .any(|note| note.contains("text i tabeller")));
}

#[test]
fn a_merged_document_reads_back_with_no_difference_and_no_template_text() {
    for kind in [
        DocumentKind::FirstYttrande,
        DocumentKind::CoverNote(schemas::Yttrande::First),
    ] {
        let case = case();
        let request = Request::document("ks", kind);
        let docx = docgen::make_in(&case, &request, today(), Some(&template(&fixture())))
            .expect("merges")
            .bytes;
        let read = docgen::read_back::read_back(&docx).expect("reads");
        assert_eq!(read.differences, [], "{kind:?}");
        assert_eq!(read.outside, Vec::<String>::new(), "{kind:?}");
        let plain = docgen::make(&case, &request, today()).expect("makes").bytes;
        assert_eq!(
            read.extracted.case,
            docgen::extract_case(&plain).expect("extracts"),
            "the same case is embedded with and without a template"
        );
    }
}

#[test]
fn a_template_without_a_marker_has_its_body_replaced() {
    let bytes = fixture_with_body(|text| text.replace("[Yttra]", "Mallens exempeltext"));
    let template = template(&bytes);
    assert_eq!(template.summary().placement, Some(Placement::ReplacesBody));
    let docx = first_yttrande_in(&template);
    let body = text(&docx, "word/document.xml");
    assert!(!body.contains("Till kommunens revisorer") && !body.contains("Mallens exempeltext"));
    assert!(body.contains("Granskning av IT-säkerhet") && body.contains("<w:titlePg/>"));
    let read = docgen::read_back::read_back(&docx).expect("reads");
    assert_eq!((read.differences.len(), read.outside.len()), (0, 0));
}

#[test]
fn a_content_control_tagged_yttra_takes_the_content() {
    let bytes = fixture_with_body(|text| {
        text.replace(
                "<w:p><w:r><w:t>[Yttra]</w:t></w:r></w:p>",
                r#"<w:sdt><w:sdtPr><w:tag w:val="yttra"/><w:id w:val="7"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Här skrivs yttrandet.</w:t></w:r></w:p></w:sdtContent></w:sdt>"#,
            )
    });
    let template = template(&bytes);
    assert_eq!(
        template.summary().placement,
        Some(Placement::ContentControl)
    );
    let body = text(&first_yttrande_in(&template), "word/document.xml");
    assert!(!body.contains("Här skrivs yttrandet") && !body.contains(r#"w:val="yttra""#));
    let title = body.find("Granskning av IT-säkerhet").expect("title");
    assert!(body.find("Till kommunens revisorer").expect("before") < title);
    assert!(title < body.find("Med vänlig hälsning").expect("after"));
}

#[test]
fn a_marker_in_a_table_cell_gets_tables_that_fit_the_cell_and_reads_back_clean() {
    let bytes = fixture_with_body(|text| {
        text.replace(
                "<w:p><w:r><w:t>[Yttra]</w:t></w:r></w:p>",
                r#"<w:tbl><w:tblPr><w:tblW w:w="8503" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="6503"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>Svar</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="6503" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>[Yttra]</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>"#,
            )
    });
    let template = template(&bytes);
    assert_eq!(template.summary().placement, Some(Placement::Marker));
    for kind in [
        DocumentKind::FirstYttrande,
        DocumentKind::CoverNote(schemas::Yttrande::First),
    ] {
        let docx = docgen::make_in(
            &case(),
            &Request::document("ks", kind),
            today(),
            Some(&template),
        )
        .expect("merges")
        .bytes;
        let body = text(&docx, "word/document.xml");
        let widest = body
            .match_indices(r#"<w:tblW w:w=""#)
            .filter_map(|(at, found)| {
                body[at + found.len()..]
                    .split('"')
                    .next()?
                    .parse::<i64>()
                    .ok()
            })
            .max()
            .expect("tables");
        assert_eq!(
            widest, 8503,
            "the template's own table is the widest: Yttra's fit the cell"
        );
        let read = docgen::read_back::read_back(&docx).expect("reads");
        assert_eq!(read.differences, [], "{kind:?}");
        assert_eq!(read.outside, Vec::<String>::new(), "{kind:?}");
    }
}

#[test]
fn a_template_that_shows_the_title_gets_yttras_content_without_a_second_one() {
    let bytes = fixture_with_body(|text| {
        text.replace(
                "<w:p><w:r><w:t>[Yttra]</w:t></w:r></w:p>",
                r#"<w:p><w:pPr><w:pStyle w:val="Rubrik"/></w:pPr><w:r><w:t>{{rubrik}}</w:t></w:r></w:p><w:p><w:r><w:t>[Yttra]</w:t></w:r></w:p>"#,
            )
    });
    let template = template(&bytes);
    assert!(template
        .summary()
        .notes
        .iter()
        .any(|note| note.contains("inte en gång till")));
    let docx = first_yttrande_in(&template);
    let body = text(&docx, "word/document.xml");
    assert_eq!(
        body.matches("Granskning av IT-säkerhet SR-2025-17").count(),
        1,
        "{body}"
    );
    let read = docgen::read_back::read_back(&docx).expect("reads");
    assert_eq!((read.differences.len(), read.outside.len()), (0, 0));
}

#[test]
fn a_yttra_control_where_no_paragraph_may_stand_is_no_place_for_the_content() {
    let bytes = fixture_with_body(|text| {
        text.replace(
                "<w:p><w:r><w:t>[Yttra]</w:t></w:r></w:p>",
                r#"<w:p><w:hyperlink w:anchor="x"><w:sdt><w:sdtPr><w:tag w:val="yttra"/></w:sdtPr><w:sdtContent><w:r><w:t>här</w:t></w:r></w:sdtContent></w:sdt></w:hyperlink></w:p>"#,
            )
    });
    let template = template(&bytes);
    assert_eq!(template.summary().placement, Some(Placement::ReplacesBody));
    let body = text(&first_yttrande_in(&template), "word/document.xml");
    assert!(!body.contains("<w:hyperlink"), "the body is replaced whole");
    assert!(body.contains("Granskning av IT-säkerhet"));
}

#[test]
fn what_a_template_says_to_whoever_fills_it_in_is_left_out() {
    let mut parts = fixture_parts(|name, text| {
        match name {
        "word/settings.xml" => text.replace(
            r#"<w:zoom w:percent="100"/>"#,
            r#"<w:zoom w:percent="100"/><w:documentProtection w:edit="forms" w:enforcement="1"/>"#,
        )
        .replace(
            "<w:themeFontLang",
            r#"<w:docVars><w:docVar w:name="MallVersion" w:val="3"/></w:docVars><w:themeFontLang"#,
        ),
        "word/document.xml" => text.replace(
            "<w:r><w:t>Till kommunens revisorer</w:t></w:r>",
            r#"<w:commentRangeStart w:id="0"/><w:r><w:t>Till kommunens revisorer</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>"#,
        ),
        "word/_rels/document.xml.rels" => text.replace(
            "</Relationships>",
            r#"<Relationship Id="rId20" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#,
        ),
        "[Content_Types].xml" => text.replace(
            "</Types>",
            r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#,
        ),
        _ => text,
    }
    });
    parts.push((
        "word/comments.xml".into(),
        br#"<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="Mallansvarig"><w:p><w:r><w:t>Byt mottagare vid behov.</w:t></w:r></w:p></w:comment></w:comments>"#.to_vec(),
    ));
    let docx = first_yttrande_in(&template(&zip(&parts)));
    let merged = parts_of(&docx);
    assert!(!merged.contains_key("word/comments.xml"));
    let body = text(&docx, "word/document.xml");
    assert!(!body.contains("comment"), "{body}");
    let settings = text(&docx, "word/settings.xml");
    assert!(
        !settings.contains("documentProtection") && !settings.contains("docVars"),
        "{settings}"
    );
    assert!(!text(&docx, "[Content_Types].xml").contains("comments"));
}

#[test]
fn a_template_without_a_header_gets_yttras_and_one_without_a_case_number_gets_its_line() {
    let bytes = fixture_with_body(|text| {
        text.replace(r#"<w:headerReference w:type="default" r:id="rId7"/>"#, "")
            .replace(r#"<w:headerReference w:type="first" r:id="rId6"/>"#, "")
    });
    let docx = first_yttrande_in(&template(&bytes));
    let body = text(&docx, "word/document.xml");
    assert!(
        body.contains(r#"<w:headerReference w:type="default" r:id="rIdYttra"#),
        "{body}"
    );
    let headers: Vec<String> = parts_of(&docx)
        .into_iter()
        .filter(|(name, _)| name.starts_with("word/header"))
        .map(|(_, bytes)| String::from_utf8(bytes).expect("utf-8"))
        .collect();
    assert!(headers
        .iter()
        .any(|h| h.contains("Kommunstyrelsen, diarienummer KS-2025-114")));

    let bytes = fixture_with(|name, text| match name {
        "word/header1.xml" => text
            .replace("diarienummer", "kontor")
            .replace("Diarienummer", "Kontor"),
        "word/header2.xml" => text
            .replace("{{diari", "{{kont")
            .replace(">enummer<", ">or<"),
        "docProps/custom.xml" | "word/footer1.xml" => text.replace("Diarienummer", "Kontor"),
        _ => text,
    });
    let template = template(&bytes);
    assert!(template
        .summary()
        .notes
        .iter()
        .any(|n| n.contains("inget fält för diarienummer")));
    let docx = first_yttrande_in(&template);
    for header in ["word/header1.xml", "word/header2.xml"] {
        assert!(
            text(&docx, header).contains("Kommunstyrelsen, diarienummer KS-2025-114"),
            "{header}"
        );
    }
}

#[test]
fn a_yttra_document_is_refused_as_a_template() {
    let case = example("it-sakerhet-tva-namnder");
    let earlier = docgen::make(
        &case,
        &Request::document("sn", DocumentKind::FirstYttrande),
        today(),
    )
    .expect("makes")
    .bytes;
    // Its header and text belong to another board's case.
    assert_eq!(
        Template::read(&earlier, "gammalt yttrande.docx").expect_err("refused"),
        TemplateError::YttraDocument
    );
}

#[test]
fn every_document_kind_can_be_written_in_the_template() {
    let template = template(&fixture());
    for stem in ["it-sakerhet-tva-namnder", "it-sakerhet-uppfoljning"] {
        let case = example(stem);
        for request in crate::support::every_document_request(&case) {
            // Documents the example cannot make (a follow-up not begun) are not the template's.
            if schemas::template::DocumentGroup::of(&request).is_none()
                || docgen::make(&case, &request, today()).is_err()
            {
                continue;
            }
            let made = docgen::make_in(&case, &request, today(), Some(&template))
                .unwrap_or_else(|error| panic!("{request:?}: {error}"));
            let read = docgen::read_back::read_back(&made.bytes).expect("reads back");
            assert_eq!(read.differences, [], "{request:?}");
            assert_eq!(read.outside, Vec::<String>::new(), "{request:?}");
        }
    }
}

#[test]
fn the_same_case_and_template_give_the_same_bytes() {
    let template = template(&fixture());
    assert!(first_yttrande_in(&template) == first_yttrande_in(&template));
}

#[test]
fn macro_templates_are_refused_whatever_their_name() {
    let bytes = fixture_with(|name, text| {
        if name == "[Content_Types].xml" {
            text.replace(
                "wordprocessingml.template.main+xml",
                "ms-word.template.macroEnabledTemplate.main+xml",
            )
        } else {
            text
        }
    });
    assert_eq!(
        Template::read(&bytes, "mall.dotx").expect_err("refused"),
        TemplateError::Macros
    );
    let mut parts = fixture_parts(|_, text| text);
    parts.push(("word/vbaProject.bin".into(), vec![0; 16]));
    assert_eq!(
        Template::read(&zip(&parts), "mall.docx").expect_err("refused"),
        TemplateError::Macros
    );
}

#[test]
fn a_spreadsheet_or_a_broken_part_is_refused_with_its_reason() {
    let bytes = fixture_with(|name, text| {
        if name == "[Content_Types].xml" {
            text.replace(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            )
        } else {
            text
        }
    });
    assert_eq!(
        Template::read(&bytes, "mall.xlsx").expect_err("refused"),
        TemplateError::NotWord
    );
    let bytes = fixture_with_body(|text| text.replace("</w:body>", ""));
    let error = Template::read(&bytes, "mall.dotx").expect_err("refused");
    assert_eq!(error, TemplateError::BrokenPart("word/document.xml".into()));
    assert!(error.to_string().contains("word/document.xml"));
}

#[test]
fn a_self_assessment_report_in_the_template_keeps_its_chart() {
    let case = example("it-sakerhet-uppfoljning");
    let request = Request::AssessmentReport {
        assessment: "S2".into(),
        compare_with: Some("S1".into()),
        leave_out_unanswered: false,
    };
    let made =
        docgen::make_in(&case, &request, today(), Some(&template(&fixture()))).expect("merges");
    let parts = parts_of(&made.bytes);
    let charts: Vec<&String> = parts
        .keys()
        .filter(|name| name.starts_with("word/charts/"))
        .collect();
    assert_eq!(charts, ["word/charts/chart1.xml"]);
    let rels = text(&made.bytes, "word/_rels/document.xml.rels");
    let body = text(&made.bytes, "word/document.xml");
    let document = xml_tree::parse(body.as_bytes()).expect("XML");
    let mut chart_ids = Vec::new();
    let mut drawing_ids = Vec::new();
    let mut visit = |element: &xml_tree::Element| match element.name.as_ref() {
        "c:chart" => chart_ids.push(element.attribute("r:id").unwrap_or_default().to_string()),
        "wp:docPr" => drawing_ids.push(element.attribute("id").unwrap_or_default().to_string()),
        _ => {}
    };
    fn walk(element: &xml_tree::Element, visit: &mut dyn FnMut(&xml_tree::Element)) {
        visit(element);
        for child in element.child_elements() {
            walk(child, visit);
        }
    }
    walk(&document.root, &mut visit);
    let [id] = chart_ids.as_slice() else {
        panic!("one chart in the body: {chart_ids:?}")
    };
    assert!(
        rels.contains(&format!(r#"Id="{id}""#)) && rels.contains(r#"Target="charts/chart1.xml""#),
        "{rels}"
    );
    let mut unique = drawing_ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), drawing_ids.len(), "{drawing_ids:?}");
    assert!(text(&made.bytes, "[Content_Types].xml").contains("/word/charts/chart1.xml"));
}
