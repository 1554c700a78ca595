//! Paste import on text copied from the real reports in `../shared/reference/`.

use std::path::PathBuf;

use frontend::paste::split_items;

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
    assert_eq!(result.items.len(), 4, "{:#?}", result.items);
    assert!(result.items[0].starts_with("Bereda förslag till en informationssäkerhetspolicy"));
    assert!(result.items[0].ends_with("enligt ISO 27000-serien."));
    assert_eq!(
        result.items[3],
        "Tillse att utbildning och information om IT-säkerhetshot och risker genomförs i hela \
         organisationen för att stärka kunskap och medvetenhet hos användare. Därtill behöver \
         genomförandegraden följas upp och åtgärder vidtas vid bristande genomförande."
    );
    assert_eq!(
        result.skipped,
        ["Utifrån resultatet av granskningen rekommenderas kommunstyrelsen att:"]
    );
}

#[test]
fn the_2020_reports_two_lists_across_a_page_break_split_into_thirteen() {
    let text = reference("missiv-och-rapport-sr-2020-83.txt");
    let pasted = between(&text, "## 4.2 Rekommendationer", "2020-11-18");
    let result = split_items(pasted);
    assert_eq!(result.items.len(), 9 + 4, "{:#?}", result.items);
    assert!(result.items[0].starts_with("Etablera en organisation med tydligt ansvar"));
    assert!(result.items[8].starts_with("Skapa struktur för enhetlig uppföljning"));
    assert!(result.items[9].starts_with("Utifrån ansvar i reglementet säkerställa"));
    assert!(result.items[12].ends_with("ansvar för driftsäkerhet"));
    for skipped in [
        "Utifrån vår bedömning och slutsats rekommenderar vi kommunstyrelsen att:",
        "Utifrån vår bedömning och slutsats rekommenderar vi servicenämnden att:",
        "2020-12-16",
    ] {
        assert!(
            result.skipped.iter().any(|line| line == skipped),
            "{skipped} not reported: {:?}",
            result.skipped
        );
    }
    assert!(
        result.items.iter().all(|item| !item.contains("Malmö stad")),
        "page header inside an item"
    );
}

#[test]
fn the_audit_questions_of_the_cover_report_split_into_five() {
    let text = reference("tjansteskrivelse-ks-2025.txt");
    let pasted = between(&text, "1. Finns styrdokument", "Revisorskollegiets samlade");
    let items = split_items(pasted).items;
    assert_eq!(items.len(), 5, "{items:#?}");
    assert_eq!(
        items[4],
        "Genomförs en systematisk uppföljning och rapportering av arbetet med IT-säkerhet?"
    );
}
