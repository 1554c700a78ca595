//! Golden files: the document XML of each example, pretty-printed, so a reviewer sees every
//! change to the generated documents as a diff. Ids and timestamps that could vary are
//! normalised first. `UPDATE_EXPECT=1 cargo test -p docgen` rewrites the files.

use docgen::xml_tree::{self, Element};

use docgen::DocumentKind;

use crate::support::{
    example_documents, example_documents_of_every_kind, examples, part_names, read_part, repo_root,
    today,
};

/// The parts worth reviewing; the theme and the custom XML item are fixed text.
const REVIEWED_PARTS: &[&str] = &[
    "[Content_Types].xml",
    "_rels/.rels",
    "word/_rels/document.xml.rels",
    "docProps/core.xml",
    "word/styles.xml",
    "word/settings.xml",
    "word/header1.xml",
    "word/document.xml",
];

#[test]
fn documents_match_their_golden_files() {
    let mut stale = Vec::new();
    for (stem, case, board, kind) in example_documents_of_every_kind() {
        let docx = docgen::render(&case, &board, kind, today()).expect("renders");
        let name = match kind {
            DocumentKind::FirstYttrande => format!("{stem}-{board}.xml"),
            other => format!("{stem}-{board}-{}.xml", other.key()),
        };
        check_golden(&name, &reviewed_text(&docx), &mut stale);
    }
    for (stem, case) in examples() {
        let ics = docgen::render_calendar(&case, today());
        check_golden(&format!("{stem}.ics"), &ics, &mut stale);
        // Each self-assessment's report, compared with the one before it of the same framework.
        for (index, assessment) in case.self_assessments.iter().enumerate() {
            let earlier = case.self_assessments[..index]
                .iter()
                .rfind(|e| e.framework.id == assessment.framework.id)
                .map(|e| e.id.as_str());
            let docx = docgen::render_assessment_report(&case, &assessment.id, earlier, today())
                .expect("renders");
            let name = format!("{stem}-assessment-{}.xml", assessment.id);
            check_golden(&name, &reviewed_text(&docx), &mut stale);
        }
    }
    assert!(
        stale.is_empty(),
        "generated documents differ from the golden files (review with `UPDATE_EXPECT=1 cargo test -p docgen` and `git diff`): {stale:?}"
    );
}

/// Compares with the golden file, or rewrites it under `UPDATE_EXPECT`.
fn check_golden(name: &str, actual: &str, stale: &mut Vec<String>) {
    let path = repo_root().join("docgen/tests/golden").join(name);
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if actual == expected {
        return;
    }
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
    } else {
        stale.push(path.display().to_string());
    }
}

#[test]
fn the_same_case_gives_byte_identical_documents() {
    for (_, case, board, kind) in example_documents_of_every_kind() {
        let first = docgen::render(&case, &board, kind, today()).expect("renders");
        let second = docgen::render(&case, &board, kind, today()).expect("renders");
        assert!(
            first == second,
            "{board} {kind:?}: output differs between two renders"
        );
    }
}

#[test]
fn parts_are_deflated() {
    let (_, case, board) = example_documents().remove(0);
    let docx = docgen::render_first_yttrande(&case, &board, today()).expect("renders");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx[..])).expect("zip");
    for index in 0..archive.len() {
        let entry = archive.by_index(index).expect("entry");
        assert_eq!(
            entry.compression(),
            zip::CompressionMethod::Deflated,
            "{}",
            entry.name()
        );
    }
}

#[test]
fn the_package_holds_exactly_the_parts_it_uses() {
    let (_, case, board) = example_documents().remove(0);
    let docx = docgen::render_first_yttrande(&case, &board, today()).expect("renders");
    assert_eq!(
        part_names(&docx),
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/app.xml",
            "docProps/core.xml",
            "docProps/custom.xml",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/styles.xml",
            "word/settings.xml",
            "word/fontTable.xml",
            "word/theme/theme1.xml",
            "word/header1.xml",
            "customXml/item1.xml",
            "customXml/_rels/item1.xml.rels",
            "customXml/itemProps1.xml",
        ]
    );
}

/// The reviewed parts, normalised and pretty-printed, one after the other.
fn reviewed_text(docx: &[u8]) -> String {
    let mut text = String::new();
    for part in REVIEWED_PARTS {
        let xml = read_part(docx, part).unwrap_or_else(|| panic!("{part} missing"));
        let mut document = xml_tree::parse(xml.as_bytes()).expect("part is XML");
        normalise_volatile(&mut document.root);
        text.push_str(&format!("<!-- {part} -->\n"));
        text.push_str(&xml_tree::write_pretty(&document));
    }
    text
}

/// Replaces values that may legitimately vary between runs or docx-rs versions (ids from
/// counters, revision ids, timestamps) so the golden files show only meaningful changes.
fn normalise_volatile(root: &mut Element) {
    root.walk_mut(&mut |element| {
        for (key, value) in element.attributes.iter_mut() {
            let volatile = key.ends_with(":paraId")
                || key.ends_with(":textId")
                || key.starts_with("w:rsid")
                || (element.name == "w:bookmarkStart" && key == "w:id");
            if volatile {
                *value = "ID".into();
            }
        }
        if element.name == "dcterms:created" || element.name == "dcterms:modified" {
            element.children = vec![xml_tree::Node::Text("DATE".into())];
        }
    });
}
