//! The lock on a filed first yttrande, checked against the document itself: every kind of edit
//! is applied to a case whose first yttranden are locked, and each edit either leaves every
//! locked board's rendered first yttrande byte-identical (all parts but the embedded case) or
//! is refused with the case unchanged.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use app_core::edit::{
    apply, AnswerField, AssessmentEdit, AuditText, BoardField, CoverNoteEdit, Direction, Edit,
    EditError, FollowUpEdit, MeasureField, NewItem, OutcomeField, PersonEdit,
};
use docgen::DocumentKind;
use schemas::{Case, Date, ItemKind, ItemRef, MeasureStatus, Rating, YearPeriod, Yttrande};

fn day(text: &str) -> Date {
    Date::parse(text).expect("test date")
}

const TODAY: &str = "2026-11-30";

/// Both boards have started their follow-up, so both first yttranden are locked.
fn both_locked() -> Case {
    schemas::load_case(include_str!("../../examples/it-sakerhet-uppfoljning.json"))
        .expect("example reads")
}

/// Only kommunstyrelsen's first yttrande is locked.
fn ks_locked() -> Case {
    let mut case = both_locked();
    let discard = Edit::FollowUp {
        board: "sn".into(),
        change: FollowUpEdit::Discard,
    };
    apply(&mut case, discard).expect("discarding unlocks");
    case
}

/// The rendered first yttrande's parts, by name, without the embedded case: what the reader
/// sees and prints.
fn shown_parts(case: &Case, board: &str) -> BTreeMap<String, Vec<u8>> {
    let bytes =
        docgen::render(case, board, DocumentKind::FirstYttrande, day(TODAY)).expect("renders");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut parts = BTreeMap::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("entry");
        if entry.name().starts_with("customXml/") {
            continue;
        }
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("readable");
        parts.insert(entry.name().to_string(), content);
    }
    parts
}

fn r(number: u32) -> ItemRef {
    ItemRef::recommendation(number)
}

fn a(number: u32) -> ItemRef {
    ItemRef {
        kind: ItemKind::Assessment,
        number,
    }
}

fn new_items(addressees: &[&str]) -> Edit {
    Edit::AddItems {
        kind: ItemKind::Recommendation,
        items: vec![NewItem {
            text: "Inför loggning.".into(),
            addressees: addressees.iter().map(|id| id.to_string()).collect(),
        }],
    }
}

/// One or more edits of every kind there is, on both boards.
fn every_kind_of_edit() -> Vec<Edit> {
    let mut edits = Vec::new();
    for field in [
        AuditText::Organisation,
        AuditText::Reference,
        AuditText::Title,
        AuditText::Auditor,
        AuditText::PerformedBy,
        AuditText::Conclusion,
    ] {
        edits.push(Edit::SetAuditText(field, "Ändrad text".into()));
    }
    edits.extend([
        Edit::SetReportDate(Some(day("2024-01-02"))),
        Edit::SetMissivDate(Some(day("2024-01-03"))),
        Edit::AddQuestions(vec!["En ny fråga?".into()]),
        Edit::SetQuestion {
            number: 1,
            text: "Ändrad fråga?".into(),
        },
        Edit::RemoveQuestion { number: 1 },
        Edit::AddBoard {
            name: "Socialnämnden".into(),
        },
        Edit::SetAllBoards(BoardField::SendTo("registrator@revision.se".into())),
        Edit::SetAllBoards(BoardField::FirstDeadline(Some(day("2025-05-05")))),
        new_items(&["ks"]),
        new_items(&["sn"]),
        new_items(&[]),
    ]);
    let period = Some(YearPeriod {
        from: 2024,
        to: 2026,
    });
    for board in ["ks", "sn"] {
        let set = |field| Edit::SetBoard {
            board: board.into(),
            field,
        };
        edits.extend([
            set(BoardField::Name("Ny nämnd".into())),
            set(BoardField::Diarienummer("DNR-1".into())),
            set(BoardField::FirstDeadline(Some(day("2025-04-30")))),
            set(BoardField::FollowUpDeadline(Some(day("2026-04-30")))),
            set(BoardField::FollowUpPeriod(period)),
            set(BoardField::FollowUpFrom(Some(2023))),
            set(BoardField::FollowUpTo(Some(2027))),
            set(BoardField::SendTo("annan@revision.se".into())),
            Edit::RemoveBoard {
                board: board.into(),
            },
        ]);
    }
    for item in [r(1), r(2), r(4), a(3), a(4)] {
        edits.extend([
            Edit::SetItemText {
                item,
                text: "Ny lydelse.".into(),
            },
            Edit::RemoveItem { item },
            Edit::MoveItem {
                item,
                direction: Direction::Up,
            },
            Edit::MoveItem {
                item,
                direction: Direction::Down,
            },
        ]);
        for board in ["ks", "sn"] {
            for addressed in [true, false] {
                edits.push(Edit::SetAddressed {
                    item,
                    board: board.into(),
                    addressed,
                });
            }
        }
    }
    for board in ["ks", "sn"] {
        edits.extend(first_yttrande_edits(board));
        edits.extend(follow_up_edits(board));
        for yttrande in [Yttrande::First, Yttrande::FollowUp] {
            edits.extend(cover_note_edits(board, yttrande));
            edits.push(Edit::Signatories {
                board: board.into(),
                yttrande,
                change: PersonEdit::Add,
            });
        }
    }
    edits.extend(self_assessment_edits());
    edits
}

fn first_yttrande_edits(board: &str) -> Vec<Edit> {
    let board = board.to_string();
    let measure = |field| Edit::SetMeasure {
        board: board.clone(),
        measure: "A1".into(),
        field,
    };
    vec![
        Edit::SetResponseDate {
            board: board.clone(),
            date: Some(day("2025-03-01")),
        },
        Edit::SetSummary {
            board: board.clone(),
            text: "Ändrat svar.".into(),
        },
        Edit::SetStance {
            board: board.clone(),
            item: r(2),
            stance: None,
        },
        Edit::SetMotivation {
            board: board.clone(),
            item: r(2),
            text: "Ändrad motivering.".into(),
        },
        Edit::SetNoMeasureReason {
            board: board.clone(),
            item: r(2),
            text: "Ingen åtgärd.".into(),
        },
        Edit::AddMeasure {
            board: board.clone(),
            item: r(2),
        },
        measure(MeasureField::Action("Ändrad åtgärd.".into())),
        measure(MeasureField::ExpectedEffect("Ändrad effekt.".into())),
        measure(MeasureField::DoneBy(Some(day("2025-12-31")))),
        measure(MeasureField::Responsible("Ny ansvarig".into())),
        Edit::LinkMeasure {
            board: board.clone(),
            measure: "A1".into(),
            item: r(2),
            linked: true,
        },
        Edit::RemoveMeasure {
            board: board.clone(),
            measure: "A1".into(),
        },
        Edit::MoveMeasure {
            board: board.clone(),
            measure: "A2".into(),
            item: r(2),
            direction: Direction::Up,
        },
    ]
}

fn follow_up_edits(board: &str) -> Vec<Edit> {
    let changes = vec![
        FollowUpEdit::SetDate(Some(day("2026-01-20"))),
        FollowUpEdit::SetSummary("Ändrad sammanfattning.".into()),
        FollowUpEdit::SetStatus {
            measure: "A1".into(),
            status: Some(MeasureStatus::NotStarted),
        },
        FollowUpEdit::SetOutcome {
            measure: "A1".into(),
            field: OutcomeField::Reason("Resurser saknades.".into()),
        },
        FollowUpEdit::SetOutcome {
            measure: "A1".into(),
            field: OutcomeField::NewDoneBy(Some(day("2026-06-30"))),
        },
        FollowUpEdit::AddNewMeasure { item: r(2) },
        FollowUpEdit::SetNewMeasure {
            measure: "N1".into(),
            field: MeasureField::Action("Ny åtgärd.".into()),
        },
        FollowUpEdit::LinkNewMeasure {
            measure: "N1".into(),
            item: r(2),
            linked: false,
        },
        FollowUpEdit::RemoveNewMeasure {
            measure: "N1".into(),
        },
        FollowUpEdit::SetEvidence(None),
        FollowUpEdit::Discard,
        FollowUpEdit::Start {
            today: day("2026-11-30"),
        },
    ];
    changes
        .into_iter()
        .map(|change| Edit::FollowUp {
            board: board.into(),
            change,
        })
        .collect()
}

fn cover_note_edits(board: &str, yttrande: Yttrande) -> Vec<Edit> {
    [
        CoverNoteEdit::SetDate(Some(day("2025-02-02"))),
        CoverNoteEdit::SetOffice("Stadskontoret".into()),
        CoverNoteEdit::SetAuthorEmail("handlaggare@kommun.se".into()),
        CoverNoteEdit::AddMeeting,
    ]
    .into_iter()
    .map(|change| Edit::CoverNote {
        board: board.into(),
        yttrande,
        change,
    })
    .collect()
}

fn self_assessment_edits() -> Vec<Edit> {
    let assessment = || "S1".to_string();
    [
        AssessmentEdit::SetTitle {
            assessment: assessment(),
            title: "Omdöpt".into(),
        },
        AssessmentEdit::Rate {
            assessment: assessment(),
            requirement: "Q1".into(),
            rating: Some(Rating::Level(1)),
            today: day(TODAY),
        },
        AssessmentEdit::SetAnswer {
            assessment: assessment(),
            requirement: "Q1".into(),
            field: AnswerField::Comment("Kommentar.".into()),
        },
        AssessmentEdit::MeasureFromGap {
            assessment: assessment(),
            requirement: "Q1".into(),
            item: r(2),
        },
        AssessmentEdit::Remove {
            assessment: assessment(),
        },
        AssessmentEdit::Start {
            board: "ks".into(),
            framework: Box::new(schemas::framework::built_in_lis()),
            title: "Ny".into(),
            today: day(TODAY),
        },
    ]
    .into_iter()
    .map(Edit::SelfAssessment)
    .collect()
}

/// Applies every edit to a fresh copy of `case`; returns how many were applied and refused.
fn check_every_edit(case: &Case) -> (usize, usize) {
    let locked: Vec<String> = case
        .responses
        .iter()
        .filter(|response| response.first_is_locked())
        .map(|response| response.board.clone())
        .collect();
    let documents: Vec<_> = locked.iter().map(|b| shown_parts(case, b)).collect();
    let (mut applied, mut refused) = (0, 0);
    for edit in every_kind_of_edit() {
        let mut after = case.clone();
        match apply(&mut after, edit.clone()) {
            Ok(()) => {
                applied += 1;
                for (board, before) in locked.iter().zip(&documents) {
                    assert!(
                        shown_parts(&after, board) == *before,
                        "{edit:?} changed the locked first yttrande of {board}"
                    );
                }
            }
            Err(_) => {
                refused += 1;
                assert_eq!(after, *case, "a refused edit changes nothing: {edit:?}");
            }
        }
    }
    (applied, refused)
}

#[test]
fn every_edit_leaves_a_locked_first_yttrande_as_filed_or_is_refused() {
    let (applied, refused) = check_every_edit(&both_locked());
    assert!(
        applied >= 40 && refused >= 40,
        "{applied} applied, {refused} refused"
    );
    let (applied, refused) = check_every_edit(&ks_locked());
    assert!(
        applied >= 60 && refused >= 30,
        "{applied} applied, {refused} refused"
    );
}

#[test]
fn what_the_first_yttrande_shows_is_refused_with_the_lock_message() {
    let case = ks_locked();
    for edit in [
        Edit::SetAuditText(AuditText::Title, "Ny titel".into()),
        Edit::SetItemText {
            item: r(1),
            text: "Ny lydelse.".into(),
        },
        Edit::MoveItem {
            item: r(1),
            direction: Direction::Down,
        },
        new_items(&["ks"]),
        Edit::SetAddressed {
            item: r(4),
            board: "ks".into(),
            addressed: true,
        },
        Edit::SetBoard {
            board: "ks".into(),
            field: BoardField::Diarienummer("DNR-2".into()),
        },
    ] {
        let mut after = case.clone();
        let error = apply(&mut after, edit.clone()).expect_err("refused");
        assert!(
            matches!(
                error,
                EditError::FirstLocked { .. } | EditError::PartOfLockedYttrande { .. }
            ),
            "{edit:?}: {error}"
        );
    }
    // What the first yttrande does not show stays open.
    for edit in [
        Edit::SetAuditText(AuditText::PerformedBy, "KPMG".into()),
        Edit::SetItemText {
            item: r(4),
            text: "Servicenämndens egen rekommendation.".into(),
        },
        Edit::SetBoard {
            board: "ks".into(),
            field: BoardField::FollowUpDeadline(Some(day("2026-03-31"))),
        },
    ] {
        let mut after = case.clone();
        apply(&mut after, edit.clone()).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    }
}
