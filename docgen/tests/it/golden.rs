//! Golden files: the XML of each example document, pretty-printed, so a reviewer sees every
//! change to the generated documents as a diff. Ids and timestamps that could vary are
//! normalised first. `UPDATE_EXPECT=1 cargo test -p docgen` rewrites the files; a stale one
//! fails with a unified diff.
//!
//! The parts every document shares (styles, settings, theme, relationships, …) are kept once, in
//! `package.xml`, and every document is checked against it; each document's own golden file
//! holds only what is its own: its body, its page header and its properties.

use docgen::xml_tree::{self, Element};
use docgen::DocumentKind;

use crate::diff;
use crate::support::{
    example_documents, example_documents_of_every_kind, examples, part_names, read_part, repo_root,
    today,
};

/// The golden file of the parts every document shares.
const SHARED_GOLDEN: &str = "package.xml";
/// The parts that differ between documents, kept in each document's own golden file.
const OWN_PARTS: &[&str] = &["docProps/core.xml", "word/header1.xml", "word/document.xml"];
/// The embedded case: the case file itself, which the round-trip tests check instead.
const CASE_PART: &str = "customXml/item1.xml";

/// Every golden document: each kind the examples give, and each self-assessment's report
/// compared with the one before it of the same framework.
fn golden_documents() -> Vec<(String, Vec<u8>)> {
    let mut documents = Vec::new();
    for (stem, case, board, kind) in example_documents_of_every_kind() {
        let docx = docgen::render(&case, &board, kind, today()).expect("renders");
        let name = match kind {
            DocumentKind::FirstYttrande => format!("{stem}-{board}.xml"),
            other => format!("{stem}-{board}-{}.xml", other.key()),
        };
        documents.push((name, docx));
    }
    for (stem, case) in examples() {
        for (index, assessment) in case.self_assessments.iter().enumerate() {
            let earlier = case.self_assessments[..index]
                .iter()
                .rfind(|e| e.framework.id == assessment.framework.id)
                .map(|e| e.id.as_str());
            let docx = docgen::render_assessment_report(&case, &assessment.id, earlier, today())
                .expect("renders");
            documents.push((format!("{stem}-assessment-{}.xml", assessment.id), docx));
        }
    }
    // One "Begär underlag" form: the responsible role of the follow-up's first measure.
    let case = crate::support::example("it-sakerhet-uppfoljning");
    let docx = docgen::render_outcome_form(&case, "ks", "Säkerhetschef", today()).expect("renders");
    documents.push(("it-sakerhet-uppfoljning-ks-form.xml".to_string(), docx));
    // And one for the första yttrande, about an item two boards answer.
    let case = crate::support::example("it-sakerhet-tva-namnder");
    let request = schemas::documents::Request::AnswerForm {
        board: "sn".into(),
        item: schemas::ItemRef::recommendation(2),
    };
    let made = docgen::make(&case, &request, today()).expect("renders");
    documents.push((
        "it-sakerhet-tva-namnder-sn-form-R2.xml".to_string(),
        made.bytes,
    ));
    documents
}

#[test]
fn documents_match_their_golden_files() {
    let mut goldens = Goldens::default();
    // The first document (which has no chart) gives the shared golden file; every other
    // document's shared parts are compared with the same parts of it.
    let mut shared_from: Option<(String, Vec<u8>)> = None;
    for (name, docx) in golden_documents() {
        goldens.check(&name, &parts_text(&docx, &own_parts(&docx)));
        let parts = shared_parts(&docx);
        let shared = parts_text(&docx, &parts);
        match &shared_from {
            None => {
                goldens.check(SHARED_GOLDEN, &shared);
                shared_from = Some((name, docx));
            }
            Some((first, first_docx)) => goldens.differs_between_documents(
                first,
                &parts_text(first_docx, &parts),
                &name,
                &shared,
            ),
        }
    }
    for (stem, case) in examples() {
        let ics = docgen::render_calendar(&case, today());
        goldens.check(&format!("{stem}.ics"), &ics);
    }
    goldens.finish();
}

/// Checks one golden file on its own (for tests outside this module).
pub fn check_one(name: &str, actual: &str) {
    let mut goldens = Goldens::default();
    goldens.check(name, actual);
    goldens.finish();
}

/// The golden comparisons of one run, and what failed in them.
#[derive(Default)]
struct Goldens {
    failures: Vec<String>,
}

impl Goldens {
    /// Compares with the golden file, or rewrites it under `UPDATE_EXPECT`.
    fn check(&mut self, name: &str, actual: &str) {
        let path = repo_root().join("docgen/tests/golden").join(name);
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if actual == expected {
            return;
        }
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&path, actual).expect("write golden file");
            return;
        }
        let golden = format!("docgen/tests/golden/{name}");
        self.failures.push(diff::unified(
            &golden,
            &format!("{name} as rendered now"),
            &expected,
            actual,
        ));
    }

    /// Two documents whose shared parts differ: the part that differs is not shared.
    fn differs_between_documents(&mut self, first: &str, expected: &str, name: &str, actual: &str) {
        if actual != expected {
            self.failures.push(format!(
                "The shared parts of {name} differ from those of {first}; a part that differs \
                 between documents belongs in OWN_PARTS:\n{}",
                diff::unified(first, name, expected, actual)
            ));
        }
    }

    fn finish(self) {
        assert!(
            self.failures.is_empty(),
            "generated documents differ from the golden files (if the change is meant, rewrite \
             them with `UPDATE_EXPECT=1 cargo test -p docgen` and review `git diff`):\n\n{}",
            self.failures.join("\n")
        );
    }
}

/// [`OWN_PARTS`], and a document's charts with the content types and relationships that
/// name them.
fn own_parts(docx: &[u8]) -> Vec<String> {
    let mut own: Vec<String> = OWN_PARTS.iter().map(|part| part.to_string()).collect();
    let charts: Vec<String> = part_names(docx)
        .into_iter()
        .filter(|part| part.starts_with("word/charts/"))
        .collect();
    if !charts.is_empty() {
        own.push("[Content_Types].xml".to_string());
        own.push("word/_rels/document.xml.rels".to_string());
        own.extend(charts);
    }
    own
}

/// Every part of the package but the document's own and the embedded case, in archive order.
fn shared_parts(docx: &[u8]) -> Vec<String> {
    let own = own_parts(docx);
    part_names(docx)
        .into_iter()
        .filter(|part| !own.contains(part) && part != CASE_PART)
        .collect()
}

/// The parts, normalised and pretty-printed, one after the other.
fn parts_text(docx: &[u8], parts: &[String]) -> String {
    let mut text = String::new();
    for part in parts {
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
            // Bookmark ids are numbered by the package step in document order, so they stay.
            let volatile =
                key.ends_with(":paraId") || key.ends_with(":textId") || key.starts_with("w:rsid");
            if volatile {
                *value = "ID".into();
            }
        }
        if element.name == "dcterms:created" || element.name == "dcterms:modified" {
            element.children = vec![xml_tree::Node::Text("DATE".into())];
        }
    });
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
