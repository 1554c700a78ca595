//! The preview: the text of a rendered document as the app shows it, and its trip between the
//! two WebAssembly modules.

use docgen::preview::{document_preview, from_json, to_json, PreviewBlock};

use crate::support::{example, today};

#[test]
fn the_preview_holds_the_documents_headings_quotes_and_tables() {
    let case = example("informationssakerhet-delvis");
    let docx = docgen::render_first_yttrande(&case, "ks", today()).expect("renders");
    let blocks = document_preview(&docx);
    assert_eq!(
        blocks[0],
        PreviewBlock::Heading {
            level: 0,
            text: "Granskning av styrningen av informationssäkerhet SR-2024-51".into()
        }
    );
    assert!(blocks.contains(&PreviewBlock::Heading {
        level: 2,
        text: "Rekommendation 2".into()
    }));
    assert!(blocks.contains(&PreviewBlock::Paragraph {
        text: "Inför en årlig mätning av hur förvaltningarna följer riktlinjerna för informationssäkerhet, med rapport till kommunstyrelsen.".into(),
        quote: true
    }));
    let tables: Vec<_> = blocks
        .iter()
        .filter_map(|b| match b {
            PreviewBlock::Table(rows) => Some(rows),
            _ => None,
        })
        .collect();
    assert_eq!(
        tables.len(),
        4,
        "B1, B2, R1 and R3 have measures; R2 has a reason instead"
    );
    assert_eq!(
        tables[0][0],
        ["Åtgärd", "Förväntad effekt", "Senast genomförd", "Ansvarig"]
    );
    assert!(tables[0][1][0].starts_with("Utreda hur policykraven"));
    assert!(blocks.iter().any(
        |b| matches!(b, PreviewBlock::Paragraph { text, .. } if text == "Maria Sjöberg\nOrdförande")
    ));
}

#[test]
fn blocks_survive_the_trip_between_modules() {
    let case = example("it-sakerhet-tva-namnder");
    let blocks =
        document_preview(&docgen::render_first_yttrande(&case, "sn", today()).expect("renders"));
    assert!(blocks.len() > 10);
    assert_eq!(from_json(&to_json(&blocks)), blocks);
    assert_eq!(from_json("not json"), vec![]);
    assert_eq!(
        from_json(r#"[{"other": 1}, {"text": "x"}]"#),
        vec![PreviewBlock::Paragraph {
            text: "x".into(),
            quote: false
        }]
    );
}

#[test]
fn unreadable_bytes_give_an_empty_preview() {
    assert_eq!(document_preview(b"not a zip"), vec![]);
}
