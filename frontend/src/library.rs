//! The cases saved in this browser: what the start page lists, and the rules that keep two tabs
//! from silently overwriting each other.
//!
//! Each stored case carries a revision that grows by one with every save. A tab saves with the
//! revision it last read; if the stored revision is another one, some other tab saved in
//! between, and the save is refused instead of overwriting that work.

use schemas::{Case, Date};

/// What the start page shows for one saved case; stored beside the case so the list opens
/// without reading every case.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CaseSummary {
    pub id: String,
    pub title: String,
    pub reference: String,
    pub boards: Vec<String>,
    /// The nearest deadline from today on, with what is due: "Första yttrandet, Kommunstyrelsen".
    pub next_deadline: Option<(Date, String)>,
    /// When the case was last saved, as the browser's clock said (ISO 8601).
    pub saved_at: String,
    pub revision: u64,
}

impl CaseSummary {
    pub fn of(id: &str, case: &Case, revision: u64, saved_at: &str, today: Date) -> CaseSummary {
        CaseSummary {
            id: id.to_string(),
            title: case.audit.title.clone(),
            reference: case.audit.reference.clone(),
            boards: case.boards.iter().map(|board| board.name.clone()).collect(),
            next_deadline: next_deadline(case, today),
            saved_at: saved_at.to_string(),
            revision,
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

/// A new id for a stored case: time and a random part, so two tabs creating cases at the same
/// moment do not collide. Both come from the caller (the browser's clock and random source).
pub fn new_case_id(millis_since_epoch: u64, random: u32) -> String {
    format!("case-{millis_since_epoch:x}-{random:08x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use schemas::load_case;

    fn day(text: &str) -> Date {
        Date::parse(text).expect("test date")
    }

    fn example() -> Case {
        load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json")).expect("example")
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
        case.responses[1].follow_up = Some(schemas::FollowUpResponse::start(day("2025-03-20")));
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
            next_deadline: deadline.map(|d| (day(d), String::new())),
            saved_at: saved.into(),
            revision: 1,
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
