//! Swedish phrasing shared by Yttra's documents: names of the auditors and the report, lists
//! joined the Swedish way, counts in the right number, and the note that says which items a
//! measure answers.

use schemas::comparison::{MeasureComparison, Timeliness};
use schemas::{Board, Case, ItemKind, ItemRef, Measure, MeasureStatus};

/// The one singular/plural rule, shared with the app (see `schemas::wording`).
pub use schemas::wording::count_sv;

/// Who the documents answer: the case's auditor, or "Revisorerna" when not filled in.
pub fn auditor(case: &Case) -> &str {
    let auditor = case.audit.auditor.trim();
    if auditor.is_empty() {
        "Revisorerna"
    } else {
        auditor
    }
}

pub use schemas::wording::lowercase_first;

/// "rapporten ”Granskning av X” (SR-1)", leaving out what a draft does not have yet.
pub fn report_name(title: &str, reference: &str) -> String {
    match (title, reference) {
        ("", "") => "granskningsrapporten".to_string(),
        ("", reference) => format!("granskningsrapporten {reference}"),
        (title, "") => format!("rapporten ”{title}”"),
        (title, reference) => format!("rapporten ”{title}” ({reference})"),
    }
}

/// The report's name for running text, from the case.
pub fn case_report_name(case: &Case) -> String {
    report_name(case.audit.title.trim(), case.audit.reference.trim())
}

/// The Swedish genitive: "Stadskontoret" → "Stadskontorets", "Revisorerna" → "Revisorernas";
/// a name ending in s, x or z takes none ("Servicenämndens" is written "Servicenämndens").
pub fn genitive(name: &str) -> String {
    let name = name.trim();
    if name.ends_with(['s', 'x', 'z', 'S', 'X', 'Z']) {
        name.to_string()
    } else {
        format!("{name}s")
    }
}

/// "a", "a och b", "a, b och c".
pub fn join_swedish(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} och {last}", rest.join(", ")),
    }
}

/// How the yttrande is laid out over the board's items, as the missiv asks: "separat för varje
/// bedömning och rekommendation", or only the kind the board has ("separat för varje
/// rekommendation", "för bedömningen"). `None` when nothing is addressed to the board.
pub fn per_item_sv(case: &Case, board: &Board) -> Option<&'static str> {
    let count = |kind| {
        case.items_for_board(&board.id)
            .filter(|(item, _)| item.kind == kind)
            .count()
    };
    let phrase = match (count(ItemKind::Assessment), count(ItemKind::Recommendation)) {
        (0, 0) => return None,
        (0, 1) => "för rekommendationen",
        (0, _) => "separat för varje rekommendation",
        (1, 0) => "för bedömningen",
        (_, 0) => "separat för varje bedömning",
        _ => "separat för varje bedömning och rekommendation",
    };
    Some(phrase)
}

/// What the documents say about a measure's outcome besides its status, in order: how it
/// stands against its date, a moved date, its replacement and the reason. The uppföljande
/// yttrande prints one per line in its status cell; its tjänsteskrivelse prints them in running
/// text; both from here, so they cannot tell the board different things.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutcomeNote {
    /// "I tid", "Försenad 9 dagar", "Passerat datum med 119 dagar".
    Timing(String),
    /// "Nytt datum: 2026-04-30", "Ersatt av: åtgärd N1", "Skäl: …".
    Labelled { label: &'static str, text: String },
}

pub fn outcome_notes(measure: &MeasureComparison<'_>) -> Vec<OutcomeNote> {
    let Some(outcome) = measure.outcome.filter(|_| measure.status().is_some()) else {
        return Vec::new();
    };
    let mut notes = Vec::new();
    // A withdrawn measure's status already says it will not be done; its date no longer applies.
    if measure.timeliness != Timeliness::Withdrawn {
        notes.push(OutcomeNote::Timing(measure.timeliness.label_sv()));
    }
    let labelled = |label, text: String| OutcomeNote::Labelled { label, text };
    if let Some(moved) = outcome.new_done_by {
        notes.push(labelled("Nytt datum", moved.to_string()));
    }
    if measure.status() == Some(MeasureStatus::Replaced) {
        if let Some(other) = outcome.replaced_by.as_deref().filter(|id| !id.is_empty()) {
            notes.push(labelled("Ersatt av", format!("åtgärd {other}")));
        }
    }
    if !outcome.reason.trim().is_empty() {
        notes.push(labelled("Skäl", outcome.reason.trim().to_string()));
    }
    notes
}

/// The notes under a measure in a yttrande's table: "Åtgärd A2, avser även rekommendation 3"
/// in parentheses, and where the measure came from when it was made from a self-assessment.
pub fn measure_notes(case: &Case, measure: &Measure, item: ItemRef) -> Vec<String> {
    let mut notes = vec![format!("({})", measure_note(measure, item))];
    if let Some(origin) = &measure.origin {
        notes.push(origin.label_sv(case));
    }
    notes
}

/// "Åtgärd A2, avser även rekommendation 3": shown under a measure listed for `item`.
pub fn measure_note(measure: &Measure, item: ItemRef) -> String {
    let others: Vec<String> = measure
        .items
        .iter()
        .filter(|other| **other != item)
        .map(|other| lowercase_first(&other.label_sv()))
        .collect();
    let mut note = format!("Åtgärd {}", measure.id);
    if !others.is_empty() {
        note.push_str(&format!(", avser även {}", join_swedish(&others)));
    }
    note
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_lists_the_swedish_way() {
        let parts = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_swedish(&parts(&[])), "");
        assert_eq!(join_swedish(&parts(&["a"])), "a");
        assert_eq!(join_swedish(&parts(&["a", "b"])), "a och b");
        assert_eq!(join_swedish(&parts(&["a", "b", "c"])), "a, b och c");
    }

    #[test]
    fn the_report_is_named_by_what_the_case_has() {
        assert_eq!(
            report_name("Granskning av IT", "SR-1"),
            "rapporten ”Granskning av IT” (SR-1)"
        );
        assert_eq!(report_name("", "SR-1"), "granskningsrapporten SR-1");
        assert_eq!(
            report_name("Granskning av IT", ""),
            "rapporten ”Granskning av IT”"
        );
        assert_eq!(report_name("", ""), "granskningsrapporten");
    }

    #[test]
    fn genitive_adds_s_unless_the_name_ends_in_one() {
        assert_eq!(genitive("Stadskontoret"), "Stadskontorets");
        assert_eq!(genitive(" Revisorerna "), "Revisorernas");
        assert_eq!(genitive("Lars"), "Lars");
    }

    #[test]
    fn lowercases_only_the_first_letter() {
        assert_eq!(lowercase_first("Revisorskollegiet"), "revisorskollegiet");
        assert_eq!(lowercase_first("Ärende IT"), "ärende IT");
        assert_eq!(lowercase_first(""), "");
    }

    #[test]
    fn a_measure_note_names_the_other_items() {
        let measure = crate::synthetic::measure(
            "A2",
            "",
            &[ItemRef::assessment(1), ItemRef::recommendation(2)],
        );
        assert_eq!(
            measure_note(&measure, ItemRef::recommendation(2)),
            "Åtgärd A2, avser även bedömning 1"
        );
    }
}
