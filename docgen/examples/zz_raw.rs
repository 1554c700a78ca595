use std::io::Cursor;
fn main() {
    let case = docgen::synthetic::large_case(60, 3);
    for _ in 0..5 {
        std::hint::black_box(raw_docx_rs(&case));
    }
}
fn raw_docx_rs(case: &schemas::Case) -> Vec<u8> {
    use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
    let cell = |text: &str| {
        TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(text)))
    };
    let response = &case.responses[0].first;
    let mut docx =
        Docx::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(&response.summary)));
    for item in &case.audit.recommendations {
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(&item.text)));
        let mut rows = vec![TableRow::new(
            ["Åtgärd", "Förväntad effekt", "Senast genomförd", "Ansvarig"]
                .map(cell)
                .to_vec(),
        )];
        for measure in response.measures_for(schemas::ItemRef::recommendation(item.number)) {
            rows.push(TableRow::new(vec![
                cell(&measure.action),
                cell(&measure.expected_effect),
                cell("2025-12-31"),
                cell(&measure.responsible),
            ]));
        }
        docx = docx.add_table(Table::new(rows));
    }
    let mut out = Cursor::new(Vec::new());
    docx.build().pack(&mut out).expect("packs");
    out.into_inner()
}
