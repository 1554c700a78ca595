//! Cases built in code: a small builder for tests (`case().board(…).recommendation(…)…`), and
//! large, deterministic cases for benchmarks (many recommendations, several measures each,
//! realistic cell lengths; the same parameters always give the same case); a document edited
//! as Word would (`with_part_rewritten`), for reading back; and a municipality's Word template
//! (`municipal_template`).

use schemas::{
    AuditItem, Board, BoardResponse, Case, Date, FirstYttrande, FollowUpYttrande, ItemAnswer,
    ItemRef, Measure, MeasureOutcome, MeasureStatus, Stance,
};

/// A small case built in the order a report and its answers are written, e.g.
///
/// ```
/// use docgen::synthetic::{case, measure};
/// use schemas::{ItemRef, Stance};
///
/// let r1 = ItemRef::recommendation(1);
/// let case = case()
///     .board("ks", "Kommunstyrelsen")
///     .recommendation(1, "Inför en policy.", &["ks"])
///     .answer("ks", r1, Stance::Agrees)
///     .measure("ks", measure("A1", "Ta fram en policy.", &[r1]))
///     .build();
/// assert_eq!(case.responses[0].first.measures[0].id, "A1");
/// ```
#[must_use]
pub struct CaseBuilder(Case);

/// An empty case of SR-2025-1, "Granskning av exempel", in Exempelstad, to build on.
pub fn case() -> CaseBuilder {
    let mut case = Case::new_empty();
    case.organisation = "Exempelstad".into();
    case.audit.reference = "SR-2025-1".into();
    case.audit.title = "Granskning av exempel".into();
    CaseBuilder(case)
}

impl CaseBuilder {
    /// A board that must answer, with nothing but its id and name.
    pub fn board(mut self, id: &str, name: &str) -> CaseBuilder {
        self.0.boards.push(board(id, name));
        self
    }

    /// An assessment (bedömning) of the report, addressed to the boards given by id.
    pub fn assessment(mut self, number: u32, text: &str, addressees: &[&str]) -> CaseBuilder {
        self.0
            .audit
            .assessments
            .push(audit_item(number, text, addressees));
        self
    }

    /// A recommendation of the report, addressed to the boards given by id.
    pub fn recommendation(mut self, number: u32, text: &str, addressees: &[&str]) -> CaseBuilder {
        self.0
            .audit
            .recommendations
            .push(audit_item(number, text, addressees));
        self
    }

    /// The board's stance on an item in its första yttrande.
    pub fn answer(mut self, board: &str, item: ItemRef, stance: Stance) -> CaseBuilder {
        self.first_response(board).answers.push(ItemAnswer {
            item,
            stance: Some(stance),
            motivation: String::new(),
            no_measure_reason: String::new(),
        });
        self
    }

    /// A measure planned in the board's första yttrande.
    pub fn measure(mut self, board: &str, measure: Measure) -> CaseBuilder {
        self.first_response(board).measures.push(measure);
        self
    }

    pub fn build(self) -> Case {
        self.0
    }

    /// The board's första yttrande, begun when it has none.
    fn first_response(&mut self, board: &str) -> &mut FirstYttrande {
        let responses = &mut self.0.responses;
        let index = match responses.iter().position(|r| r.board == board) {
            Some(index) => index,
            None => {
                responses.push(BoardResponse::new(board));
                responses.len() - 1
            }
        };
        &mut responses[index].first
    }
}

/// A board with nothing but its id and name; fill in the rest with `Board { …, ..board(…) }`.
pub fn board(id: &str, name: &str) -> Board {
    Board::new(id, name)
}

/// A measure with nothing but its id, action and items; fill in the rest with
/// `Measure { …, ..measure(…) }`.
pub fn measure(id: &str, action: &str, answers: &[ItemRef]) -> Measure {
    Measure {
        id: id.into(),
        action: action.into(),
        expected_effect: String::new(),
        done_by: None,
        responsible: String::new(),
        items: answers.to_vec(),
        origin: None,
    }
}

fn audit_item(number: u32, text: &str, addressees: &[&str]) -> AuditItem {
    AuditItem {
        number,
        text: text.into(),
        addressees: addressees.iter().map(|id| id.to_string()).collect(),
        section: String::new(),
    }
}

/// Words to build Swedish-looking sentences from.
const WORDS: &[&str] = &[
    "nämnden",
    "förvaltningen",
    "informationssäkerhet",
    "rutin",
    "uppföljning",
    "kontroll",
    "riktlinjer",
    "efterlevnad",
    "utbildning",
    "medarbetare",
    "incidenter",
    "rapportering",
    "årligen",
    "säkerställa",
    "ansvar",
    "styrning",
    "risker",
    "åtgärder",
    "effekt",
    "plan",
    "verksamheten",
    "systematiskt",
    "dokumenterad",
    "samordning",
    "ledningen",
    "kommunstyrelsen",
    "och",
    "att",
    "som",
    "för",
    "med",
    "till",
    "genom",
    "inom",
    "varje",
    "samtliga",
];

/// A case with `recommendations` recommendations to one board, each answered by
/// `measures_per_item` measures whose cells hold 15–25 words.
pub fn large_case(recommendations: u32, measures_per_item: u32) -> Case {
    let mut words = WordSource(XorShift(0x9E37_79B9_7F4A_7C15));
    let mut case = Case::new_empty();
    case.organisation = "Exempelstad".into();
    case.audit.reference = "SR-2025-99".into();
    case.audit.title = "Granskning av informationssäkerhet i stor skala".into();
    case.audit.auditor = "Revisorskollegiet".into();
    case.audit.missiv_date = Some(fixed_date("2025-01-29"));
    case.audit.conclusion = words.sentence(60);
    case.boards.push(Board {
        diarienummer: "KS-2025-999".into(),
        first_deadline: Some(fixed_date("2025-04-30")),
        follow_up_deadline: Some(fixed_date("2026-02-27")),
        ..board("ks", "Kommunstyrelsen")
    });
    let mut first = FirstYttrande {
        date: Some(fixed_date("2025-04-02")),
        summary: words.sentence(120),
        ..FirstYttrande::default()
    };
    for number in 1..=recommendations {
        case.audit.recommendations.push(AuditItem {
            number,
            text: words.sentence(30),
            addressees: vec!["ks".into()],
            section: "4.2".into(),
        });
        let item = ItemRef::recommendation(number);
        first.answers.push(ItemAnswer {
            item,
            stance: Some(Stance::Agrees),
            motivation: String::new(),
            no_measure_reason: String::new(),
        });
        for index in 1..=measures_per_item {
            // Drawn first, as before the builder: the same parameters keep giving the same case.
            let action = words.cell();
            first.measures.push(Measure {
                expected_effect: words.cell(),
                done_by: Some(fixed_date("2025-12-31")),
                responsible: words.cell(),
                ..measure(&format!("A{number}-{index}"), &action, &[item])
            });
        }
    }
    let mut response = BoardResponse::new("ks");
    response.first = first;
    case.responses.push(response);
    case
}

/// The large case a year on: a follow-up with an outcome for every measure, the statuses
/// cycling through all six, and one new measure per recommendation.
pub fn large_case_with_follow_up(recommendations: u32, measures_per_item: u32) -> Case {
    let mut case = large_case(recommendations, measures_per_item);
    let mut words = WordSource(XorShift(0x2545_F491_4F6C_DD1D));
    let mut follow_up = FollowUpYttrande::start(fixed_date("2026-01-10"));
    follow_up.date = Some(fixed_date("2026-02-01"));
    follow_up.summary = words.sentence(120);
    let ids: Vec<String> = case.responses[0]
        .first
        .measures
        .iter()
        .map(|m| m.id.clone())
        .collect();
    for (index, id) in ids.into_iter().enumerate() {
        let status = MeasureStatus::ALL[index % MeasureStatus::ALL.len()];
        follow_up.outcomes.push(MeasureOutcome {
            measure: id,
            status: Some(status),
            done_on: Some(fixed_date(if index % 4 == 0 {
                "2026-01-15"
            } else {
                "2025-11-30"
            })),
            what_was_done: words.cell(),
            achieved_effect: words.cell(),
            new_done_by: (index % 5 == 0).then(|| fixed_date("2026-06-30")),
            reason: words.sentence(12),
            replaced_by: None,
        });
    }
    for number in 1..=recommendations {
        let id = format!("N{number}");
        let action = words.cell();
        follow_up.new_measures.push(Measure {
            expected_effect: words.cell(),
            done_by: Some(fixed_date("2025-10-31")),
            responsible: words.cell(),
            ..measure(&id, &action, &[ItemRef::recommendation(number)])
        });
        follow_up.outcomes.push(MeasureOutcome {
            measure: id,
            status: Some(MeasureStatus::Done),
            done_on: Some(fixed_date("2025-10-20")),
            what_was_done: words.cell(),
            achieved_effect: words.cell(),
            ..MeasureOutcome::default()
        });
    }
    case.responses[0].follow_up = Some(follow_up);
    case
}

/// One of the dates written into the synthetic cases above.
fn fixed_date(text: &str) -> Date {
    Date::parse(text).expect("the synthetic cases use valid dates")
}

/// A tiny deterministic random generator (xorshift64), so synthetic data and randomised tests
/// reproduce exactly without extra crates. Not for anything that needs real randomness.
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound.max(1) as u64) as usize
    }
}

struct WordSource(XorShift);

impl WordSource {
    fn next(&mut self) -> usize {
        self.0.below(1_000_003)
    }

    /// 15 to 25 words, as the cells of a real measure table.
    fn cell(&mut self) -> String {
        let count = 15 + self.next() % 11;
        self.sentence(count)
    }

    fn sentence(&mut self, count: usize) -> String {
        let mut words: Vec<&str> = (0..count)
            .map(|_| WORDS[self.next() % WORDS.len()])
            .collect();
        let mut text = String::new();
        if let Some(first) = words.first_mut() {
            let mut chars = first.chars();
            if let Some(c) = chars.next() {
                text.extend(c.to_uppercase());
                text.push_str(chars.as_str());
            }
        }
        for word in words.iter().skip(1) {
            text.push(' ');
            text.push_str(word);
        }
        text.push('.');
        text
    }
}

/// A DOCX with one part rewritten by `edit` and every other part as it was: an edit made in
/// Word, for the read-back tests and benchmark.
pub fn with_part_rewritten(docx: &[u8], part: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    use std::io::{Cursor, Read, Write};
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let name = entry.name().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("readable");
        if name == part {
            bytes = edit(String::from_utf8(bytes).expect("UTF-8")).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("written");
        out.write_all(&bytes).expect("written");
    }
    out.finish().expect("finished").into_inner()
}

/// One part of a package, as its bytes; `None` when the package or the part cannot be read.
pub fn part_of(docx: &[u8], part: &str) -> Option<Vec<u8>> {
    use std::io::{Cursor, Read};
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).ok()?;
    let mut bytes = Vec::new();
    archive.by_name(part).ok()?.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// The municipal letterhead of the template tests (`docgen/tests/fixtures/word-template`), part
/// by part as a Swedish Word saves it: Swedish style ids, a first-page header with a logo and
/// content controls, a placeholder split over runs, an address footer, a `[Yttra]` marker, a case
/// system's custom XML and property, the path of the template it came from and a thumbnail.
pub fn municipal_template_parts() -> Vec<(String, Vec<u8>)> {
    macro_rules! part {
        ($path:literal) => {
            (
                $path.to_string(),
                include_bytes!(concat!("../tests/fixtures/word-template/", $path)).to_vec(),
            )
        };
    }
    vec![
        part!("[Content_Types].xml"),
        part!("_rels/.rels"),
        part!("customXml/_rels/item1.xml.rels"),
        part!("customXml/item1.xml"),
        part!("customXml/itemProps1.xml"),
        part!("docProps/app.xml"),
        part!("docProps/core.xml"),
        part!("docProps/custom.xml"),
        part!("docProps/thumbnail.jpeg"),
        part!("word/_rels/document.xml.rels"),
        part!("word/_rels/header1.xml.rels"),
        part!("word/_rels/header2.xml.rels"),
        part!("word/_rels/settings.xml.rels"),
        part!("word/document.xml"),
        part!("word/fontTable.xml"),
        part!("word/footer1.xml"),
        part!("word/header1.xml"),
        part!("word/header2.xml"),
        part!("word/media/image1.png"),
        part!("word/settings.xml"),
        part!("word/styles.xml"),
        part!("word/theme/theme1.xml"),
    ]
}

/// [`municipal_template_parts`] packed as a `.dotx`.
pub fn municipal_template() -> Vec<u8> {
    zip_parts(&municipal_template_parts())
}

/// Parts packed as a zip, in the order given (deflated, fixed timestamps).
pub fn zip_parts(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in parts {
        // Writing to memory does not fail.
        let _ = zip.start_file(name.as_str(), options);
        let _ = zip.write_all(bytes);
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_large_case_is_valid_and_has_the_asked_size() {
        let case = large_case(60, 3);
        assert_eq!(case.audit.recommendations.len(), 60);
        assert_eq!(case.responses[0].first.measures.len(), 180);
        let today = Date::parse("2025-03-01").expect("date");
        assert_eq!(schemas::validate(&case, today), vec![]);
        let words = case.responses[0].first.measures[0]
            .action
            .split(' ')
            .count();
        assert!((15..=25).contains(&words), "{words}");
        assert_eq!(large_case(60, 3), case, "deterministic");
    }
}
