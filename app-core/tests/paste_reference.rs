//! Paste import on text copied from the real reports in `../shared/reference/`.

use std::path::PathBuf;

use app_core::paste::{split_items, PasteDraft, PasteResult};
use schemas::Board;

fn reference(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/reference")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the reference documents stand in shared/reference beside the repository)",
            path.display()
        )
    })
}

fn texts(result: &PasteResult) -> Vec<&str> {
    result.items.iter().map(|item| item.text.as_str()).collect()
}

fn board(id: &str, name: &str) -> Board {
    Board::new(id, name)
}

/// The text between two markers, as a user would select it in the PDF.
fn between<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let start = text
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} not found"));
    let rest = &text[start..];
    let end = rest.find(to).unwrap_or_else(|| panic!("{to:?} not found"));
    &rest[..end]
}

#[test]
fn the_cover_reports_recommendations_split_into_four() {
    let text = reference("tjansteskrivelse-ks-2025.txt");
    let pasted = between(&text, "Utifrån resultatet av granskningen", "Bakgrund");
    let result = split_items(pasted);
    let items = texts(&result);
    assert_eq!(items.len(), 4, "{items:#?}");
    assert!(items[0].starts_with("Bereda förslag till en informationssäkerhetspolicy"));
    assert!(items[0].ends_with("enligt ISO 27000-serien."));
    assert_eq!(
        items[3],
        "Tillse att utbildning och information om IT-säkerhetshot och risker genomförs i hela \
         organisationen för att stärka kunskap och medvetenhet hos användare. Därtill behöver \
         genomförandegraden följas upp och åtgärder vidtas vid bristande genomförande."
    );
    assert!(result.items.iter().all(|item| item.intro.as_deref()
        == Some("Utifrån resultatet av granskningen rekommenderas kommunstyrelsen att:")));
    assert!(result.skipped.is_empty(), "{:?}", result.skipped);
}

#[test]
fn the_2020_reports_two_lists_across_a_page_break_split_into_thirteen() {
    let text = reference("missiv-och-rapport-sr-2020-83.txt");
    let pasted = between(&text, "## 4.2 Rekommendationer", "2020-11-18");
    let result = split_items(pasted);
    let items = texts(&result);
    assert_eq!(items.len(), 9 + 4, "{items:#?}");
    assert!(items[0].starts_with("Etablera en organisation med tydligt ansvar"));
    assert!(items[8].starts_with("Skapa struktur för enhetlig uppföljning"));
    assert!(items[9].starts_with("Utifrån ansvar i reglementet säkerställa"));
    assert!(items[12].ends_with("ansvar för driftsäkerhet"));
    let intro =
        |board: &str| format!("Utifrån vår bedömning och slutsats rekommenderar vi {board} att:");
    let intros: Vec<_> = result
        .items
        .iter()
        .map(|item| item.intro.clone().unwrap_or_default())
        .collect();
    assert_eq!(intros[..9], vec![intro("kommunstyrelsen"); 9]);
    assert_eq!(intros[9..], vec![intro("servicenämnden"); 4]);
    assert!(
        result.skipped.iter().any(|line| line == "2020-12-16"),
        "page header not reported: {:?}",
        result.skipped
    );
    assert!(
        items.iter().all(|item| !item.contains("Malmö stad")),
        "page header inside an item"
    );
}

#[test]
fn the_2020_reports_two_lists_are_addressed_to_the_boards_their_introductions_name() {
    let text = reference("missiv-och-rapport-sr-2020-83.txt");
    let pasted = between(&text, "## 4.2 Rekommendationer", "2020-11-18");
    let boards = [
        board("ks", "Kommunstyrelsen"),
        board("sn", "Servicenämnden"),
    ];
    let mut draft = PasteDraft::default();
    draft.set_text(pasted.to_string(), &boards);
    let to = |id: &str| {
        draft
            .items
            .iter()
            .filter(|item| item.addressees == [id])
            .count()
    };
    assert_eq!((to("ks"), to("sn"), draft.items.len()), (9, 4, 13));
}

#[test]
fn the_audit_questions_of_the_cover_report_split_into_five() {
    let text = reference("tjansteskrivelse-ks-2025.txt");
    let pasted = between(&text, "1. Finns styrdokument", "Revisorskollegiets samlade");
    let result = split_items(pasted);
    let items = texts(&result);
    assert_eq!(items.len(), 5, "{items:#?}");
    assert_eq!(
        items[4],
        "Genomförs en systematisk uppföljning och rapportering av arbetet med IT-säkerhet?"
    );
}
