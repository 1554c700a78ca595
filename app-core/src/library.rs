//! The cases saved in this browser: what the start page lists, and the rules that keep two tabs
//! from silently overwriting each other.
//!
//! Each stored case carries a revision that grows by one with every save. A tab saves with the
//! revision it last read; if the stored revision is another one, some other tab saved in
//! between, and the save is refused instead of overwriting that work.

use schemas::wording::count_sv;
use schemas::{Case, Date};

/// What the start page shows for one saved case; stored beside the case so the list opens
/// without reading every case.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CaseSummary {
    pub id: String,
    pub title: String,
    pub reference: String,
    pub boards: Vec<String>,
    /// The boards that have started their uppföljande yttrande, by name; tells two copies of a
    /// case apart on the start page.
    #[serde(default)]
    pub follow_ups: Vec<String>,
    /// The nearest deadline from today on, with what is due: "Första yttrandet, Kommunstyrelsen".
    pub next_deadline: Option<(Date, String)>,
    /// When the case was last saved, as the browser's clock said (ISO 8601).
    pub saved_at: String,
    pub revision: u64,
    /// An audit case, or self-assessments on their own (listed apart on the start page).
    #[serde(default)]
    pub kind: schemas::CaseKind,
    /// How many self-assessments the case holds.
    #[serde(default)]
    pub assessments: usize,
}

impl CaseSummary {
    pub fn of(id: &str, case: &Case, revision: u64, saved_at: &str, today: Date) -> CaseSummary {
        CaseSummary {
            id: id.to_string(),
            title: case.audit.title.clone(),
            reference: case.audit.reference.clone(),
            boards: case.boards.iter().map(|board| board.name.clone()).collect(),
            follow_ups: follow_ups_started(case),
            next_deadline: next_deadline(case, today),
            saved_at: saved_at.to_string(),
            revision,
            kind: case.kind,
            assessments: case.self_assessments.len(),
        }
    }

    /// The title for lists: the audit's title, or a stand-in for a case not named yet.
    pub fn display_title(&self) -> String {
        title_text(&self.title, &self.reference)
    }
}

/// A case's title as the app shows it: "Granskning av IT-säkerhet (SR-2024-38)".
pub fn case_title(case: &Case) -> String {
    title_text(&case.audit.title, &case.audit.reference)
}

fn title_text(title: &str, reference: &str) -> String {
    match (title.trim(), reference.trim()) {
        ("", "") => "Namnlöst ärende".to_string(),
        ("", reference) => reference.to_string(),
        (title, "") => title.to_string(),
        (title, reference) => format!("{title} ({reference})"),
    }
}

/// The nearest deadline on or after today among every board's two yttranden. A first yttrande
/// that is locked by its follow-up has been filed, so its deadline no longer counts.
pub fn next_deadline(case: &Case, today: Date) -> Option<(Date, String)> {
    case.boards
        .iter()
        .flat_map(|board| {
            let filed = case
                .response(&board.id)
                .is_some_and(|response| response.first_is_locked());
            [
                (board.first_deadline.filter(|_| !filed), "Första yttrandet"),
                (board.follow_up_deadline, "Uppföljande yttrandet"),
            ]
            .into_iter()
            .filter_map(move |(date, what)| {
                date.map(|date| (date, format!("{what}, {}", board.name)))
            })
        })
        .filter(|(date, _)| *date >= today)
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)))
}

/// Saved cases in the order the start page lists them: nearest deadline first, cases without
/// a coming deadline last, most recently saved first among equals.
pub fn sort_for_start_page(summaries: &mut [CaseSummary]) {
    summaries.sort_by(|a, b| {
        let deadline = |s: &CaseSummary| s.next_deadline.as_ref().map(|(date, _)| *date);
        match (deadline(a), deadline(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| b.saved_at.cmp(&a.saved_at))
    });
}

/// What a save should do, given the revision in storage and the one this tab last read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveCheck {
    /// Write, stamping this revision.
    Write { revision: u64 },
    /// Another tab saved revision `stored` after this tab read `expected`: do not write.
    Conflict { stored: u64, expected: u64 },
}

/// `stored` is `None` for a case not in storage yet (a new case, or one deleted elsewhere:
/// writing it back loses nothing).
pub fn check_save(stored: Option<u64>, expected: u64) -> SaveCheck {
    match stored {
        Some(stored) if stored != expected => SaveCheck::Conflict { stored, expected },
        _ => SaveCheck::Write {
            revision: expected + 1,
        },
    }
}

/// The names of the boards that have started their uppföljande yttrande.
fn follow_ups_started(case: &Case) -> Vec<String> {
    case.boards
        .iter()
        .filter(|board| {
            case.response(&board.id)
                .is_some_and(|response| response.follow_up.is_some())
        })
        .map(|board| board.name.clone())
        .collect()
}

/// The case with an id: its own, or `fresh` for a case that has never been stored (a new case,
/// or one read from a file written before cases had ids).
pub fn with_identity(mut case: Case, fresh: impl FnOnce() -> String) -> Case {
    if case.id.trim().is_empty() {
        case.id = fresh();
    }
    case
}

/// What tells a case read from a file apart from the copy of it stored in this browser, in
/// plain Swedish, for the user to choose which to keep: boards, answers, measures, follow-ups
/// and self-assessments. Empty when the two are the same.
pub fn differences(stored: &Case, incoming: &Case) -> Vec<String> {
    if stored == incoming {
        return Vec::new();
    }
    let mut found = Vec::new();
    let names = |case: &Case| -> Vec<String> {
        case.boards.iter().map(|board| board.name.clone()).collect()
    };
    if names(stored) != names(incoming) {
        found.push(format!(
            "Nämnder: i filen {}, i det sparade {}.",
            list_or_none(&names(incoming)),
            list_or_none(&names(stored))
        ));
    }
    let started = |case: &Case| follow_ups_started(case);
    if started(stored) != started(incoming) {
        found.push(format!(
            "Uppföljning påbörjad: i filen {}, i det sparade {}.",
            list_or_none(&started(incoming)),
            list_or_none(&started(stored))
        ));
    }
    for board in &incoming.boards {
        let measures = |case: &Case| {
            case.response(&board.id).map_or(0, |response| {
                response.first.measures.len()
                    + response
                        .follow_up
                        .as_ref()
                        .map_or(0, |f| f.new_measures.len())
            })
        };
        let (in_file, in_store) = (measures(incoming), measures(stored));
        if in_file != in_store {
            found.push(format!(
                "{}: {} i filen, {} i det sparade.",
                board.name,
                count_sv(in_file, "åtgärd", "åtgärder"),
                count_sv(in_store, "åtgärd", "åtgärder")
            ));
        }
    }
    let assessments = |case: &Case| case.self_assessments.len();
    if assessments(stored) != assessments(incoming) {
        found.push(format!(
            "Självskattningar: {} i filen, {} i det sparade.",
            assessments(incoming),
            assessments(stored)
        ));
    }
    if found.is_empty() {
        found.push("Texter eller datum skiljer sig åt.".to_string());
    }
    found
}

/// What updating the stored copy from a file would throw away: what only the stored copy has
/// (a board, a started follow-up, a measure, a self-assessment). Empty when the file holds all
/// of it; the user is asked before anything listed here is lost.
pub fn losses(stored: &Case, incoming: &Case) -> Vec<String> {
    let mut lost = Vec::new();
    for board in &stored.boards {
        if incoming.board(&board.id).is_none() {
            lost.push(format!("{} och nämndens svar", board.name));
            continue;
        }
        let Some(response) = stored.response(&board.id) else {
            continue;
        };
        let in_file = incoming.response(&board.id);
        if let Some(follow_up) = &response.follow_up {
            if in_file.is_none_or(|r| r.follow_up.is_none()) {
                lost.push(format!(
                    "Det uppföljande yttrandet för {}, påbörjat {}, med allt som fyllts i där",
                    board.name, follow_up.started
                ));
            }
        }
        let measures_in_file: Vec<&str> = in_file
            .map(|r| r.first.measures.iter().map(|m| m.id.as_str()).collect())
            .unwrap_or_default();
        let missing: Vec<String> = response
            .first
            .measures
            .iter()
            .filter(|m| !measures_in_file.contains(&m.id.as_str()))
            .map(|m| m.id.clone())
            .collect();
        if !missing.is_empty() {
            lost.push(format!(
                "{}: {} {}",
                board.name,
                if missing.len() == 1 {
                    "åtgärd"
                } else {
                    "åtgärderna"
                },
                missing.join(", ")
            ));
        }
    }
    for assessment in &stored.self_assessments {
        if !incoming
            .self_assessments
            .iter()
            .any(|a| a.id == assessment.id)
        {
            lost.push(format!("Självskattningen «{}»", assessment.title));
        }
    }
    lost
}

fn list_or_none(names: &[String]) -> String {
    if names.is_empty() {
        "ingen".to_string()
    } else {
        names.join(", ")
    }
}

/// A new id for a stored case: time and a random part, so two tabs creating cases at the same
/// moment do not collide. Both come from the caller (the browser's clock and random source).
pub fn new_case_id(millis_since_epoch: u64, random: u32) -> String {
    format!("case-{millis_since_epoch:x}-{random:08x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::day;
    use schemas::load_case;

    fn example() -> Case {
        load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json")).expect("example")
    }

    #[test]
    fn a_case_keeps_its_id_and_one_without_gets_a_fresh_one() {
        assert_eq!(
            with_identity(example(), || "ny".into()).id,
            "exempel-sr-2025-17"
        );
        let mut old = example();
        old.id.clear();
        assert_eq!(with_identity(old, || "ny".into()).id, "ny");
    }

    #[test]
    fn two_copies_of_a_case_are_told_apart_in_plain_words() {
        let first = example();
        assert_eq!(differences(&first, &first), Vec::<String>::new());
        let a_year_on = load_case(include_str!("../../examples/it-sakerhet-uppfoljning.json"))
            .expect("example");
        let found = differences(&first, &a_year_on);
        assert!(
            found.contains(
                &"Uppföljning påbörjad: i filen Kommunstyrelsen, Servicenämnden, i det sparade ingen."
                    .to_string()
            ),
            "{found:?}"
        );
        assert!(
            found.contains(&"Självskattningar: 2 i filen, 0 i det sparade.".to_string()),
            "{found:?}"
        );
        let mut retitled = first.clone();
        retitled.audit.title.push('!');
        assert_eq!(
            differences(&first, &retitled),
            ["Texter eller datum skiljer sig åt."]
        );
        assert_eq!(
            losses(&first, &a_year_on),
            Vec::<String>::new(),
            "a year on holds it all"
        );
        let lost = losses(&a_year_on, &first);
        assert!(
            lost.iter()
                .any(|line| line.starts_with("Det uppföljande yttrandet för Kommunstyrelsen")),
            "{lost:?}"
        );
        assert!(
            lost.iter()
                .any(|line| line.starts_with("Självskattningen «")),
            "{lost:?}"
        );
        let summary = CaseSummary::of("x", &a_year_on, 1, "t", day("2026-01-01"));
        assert_eq!(summary.follow_ups, ["Kommunstyrelsen", "Servicenämnden"]);
    }

    #[test]
    fn the_next_deadline_is_the_nearest_coming_one() {
        let case = example();
        assert_eq!(
            next_deadline(&case, day("2025-03-01")),
            Some((
                day("2025-03-31"),
                "Första yttrandet, Servicenämnden".to_string()
            ))
        );
        assert_eq!(
            next_deadline(&case, day("2025-04-01")),
            Some((
                day("2025-04-04"),
                "Första yttrandet, Kommunstyrelsen".to_string()
            ))
        );
        assert_eq!(
            next_deadline(&case, day("2026-01-31")),
            Some((
                day("2026-02-27"),
                "Uppföljande yttrandet, Kommunstyrelsen".to_string()
            )),
        );
        assert_eq!(next_deadline(&case, day("2026-02-28")), None, "all passed");
    }

    #[test]
    fn a_filed_first_yttrande_no_longer_has_a_deadline() {
        let mut case = example();
        case.responses[1].follow_up = Some(schemas::FollowUpYttrande::start(day("2025-03-20")));
        assert_eq!(
            next_deadline(&case, day("2025-03-21")),
            Some((
                day("2025-04-04"),
                "Första yttrandet, Kommunstyrelsen".to_string()
            )),
            "Servicenämnden's first yttrande (due 2025-03-31) is filed"
        );
    }

    #[test]
    fn summaries_name_unnamed_cases() {
        let mut case = Case::new_empty();
        let summary =
            |case: &Case| CaseSummary::of("id", case, 1, "2025-01-01T10:00:00Z", day("2025-01-01"));
        assert_eq!(summary(&case).display_title(), "Namnlöst ärende");
        case.audit.reference = "SR-1".into();
        assert_eq!(summary(&case).display_title(), "SR-1");
        case.audit.title = "Granskning".into();
        assert_eq!(summary(&case).display_title(), "Granskning (SR-1)");
        assert_eq!(
            CaseSummary::of("id", &example(), 3, "t", day("2025-03-01")).boards,
            ["Kommunstyrelsen", "Servicenämnden"]
        );
    }

    #[test]
    fn the_start_page_lists_nearest_deadlines_first() {
        let summary = |id: &str, deadline: Option<&str>, saved: &str| CaseSummary {
            id: id.into(),
            title: String::new(),
            reference: String::new(),
            boards: vec![],
            follow_ups: vec![],
            next_deadline: deadline.map(|d| (day(d), String::new())),
            saved_at: saved.into(),
            revision: 1,
            kind: schemas::CaseKind::Audit,
            assessments: 0,
        };
        let mut list = vec![
            summary("none-old", None, "2025-01-01"),
            summary("late", Some("2025-06-01"), "2025-01-01"),
            summary("none-new", None, "2025-02-01"),
            summary("soon", Some("2025-04-01"), "2025-01-01"),
        ];
        sort_for_start_page(&mut list);
        let ids: Vec<_> = list.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["soon", "late", "none-new", "none-old"]);
    }

    #[test]
    fn a_save_over_another_tabs_save_is_a_conflict() {
        assert_eq!(check_save(None, 0), SaveCheck::Write { revision: 1 });
        assert_eq!(check_save(Some(4), 4), SaveCheck::Write { revision: 5 });
        assert_eq!(
            check_save(Some(5), 4),
            SaveCheck::Conflict {
                stored: 5,
                expected: 4
            }
        );
        assert_eq!(
            check_save(Some(3), 4),
            SaveCheck::Conflict {
                stored: 3,
                expected: 4
            }
        );
        assert_eq!(
            check_save(None, 7),
            SaveCheck::Write { revision: 8 },
            "deleted elsewhere"
        );
    }

    #[test]
    fn case_ids_differ_by_time_and_chance() {
        assert_eq!(new_case_id(0x18f, 0xab), "case-18f-000000ab");
        assert_ne!(new_case_id(1, 1), new_case_id(1, 2));
    }
}
