//! Granska: where each validation finding is fixed. A finding's path (`audit.title`,
//! `responses[0].first.measures[2].done_by`) becomes the page to show and the id of the field
//! to focus, so every finding in the list is a link to its field.

use schemas::{Case, Finding, ItemKind, ItemRef};

use crate::app_state::View;

/// The page and field where a finding is fixed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub view: View,
    /// The id of the element to focus.
    pub field: String,
}

impl Target {
    fn case(field: impl Into<String>) -> Target {
        Target {
            view: View::Case,
            field: field.into(),
        }
    }

    fn answer(board: &str, step: Option<usize>, field: impl Into<String>) -> Target {
        Target {
            view: View::FirstYttrande {
                board: board.to_string(),
                step,
            },
            field: field.into(),
        }
    }

    fn follow_up(board: &str, step: Option<usize>, field: impl Into<String>) -> Target {
        Target {
            view: View::FollowUp {
                board: board.to_string(),
                step,
            },
            field: field.into(),
        }
    }
}

/// Where to fix a finding. Paths this does not know lead to the top of the case page.
pub fn locate(case: &Case, finding: &Finding) -> Target {
    let path = finding.path.as_str();
    if let Some(rest) = path.strip_prefix("audit.") {
        return locate_audit(case, rest);
    }
    if let Some((index, rest)) = indexed(path, "boards") {
        return locate_board(case, index, rest);
    }
    if path == "boards" {
        return Target::case("new-board");
    }
    if let Some((index, rest)) = indexed(path, "responses") {
        if let Some(target) = locate_response(case, index, rest, finding.item) {
            return target;
        }
    }
    if path.starts_with("responses") {
        return Target::case("answers-heading");
    }
    Target::case("audit-reference")
}

/// Parses `name[index]rest` into (index, rest).
fn indexed<'a>(path: &'a str, name: &str) -> Option<(usize, &'a str)> {
    let rest = path.strip_prefix(name)?.strip_prefix('[')?;
    let (digits, rest) = rest.split_once(']')?;
    Some((digits.parse().ok()?, rest))
}

fn locate_audit(case: &Case, rest: &str) -> Target {
    let simple = [
        ("reference", "audit-reference"),
        ("title", "audit-title"),
        ("conclusion", "audit-conclusion"),
        ("missiv_date", "audit-missiv-date"),
        ("report_date", "audit-report-date"),
        ("auditor", "audit-auditor"),
        ("performed_by", "audit-performed-by"),
    ];
    if let Some((_, id)) = simple.iter().find(|(field, _)| rest == *field) {
        return Target::case(*id);
    }
    if let Some((index, _)) = indexed(rest, "questions") {
        let number = case.audit.questions.get(index).map_or(0, |q| q.number);
        return Target::case(format!("question-{number}"));
    }
    for (name, kind) in [
        ("assessments", ItemKind::Assessment),
        ("recommendations", ItemKind::Recommendation),
    ] {
        if let Some((index, _)) = indexed(rest, name) {
            let number = case
                .audit
                .items(kind)
                .get(index)
                .map_or(0, |item| item.number);
            return Target::case(format!("item-{}-text", ItemRef { kind, number }));
        }
    }
    Target::case("audit-reference")
}

fn locate_board(case: &Case, index: usize, rest: &str) -> Target {
    let Some(board) = case.boards.get(index) else {
        return Target::case("new-board");
    };
    let field = match rest {
        ".diarienummer" => "diarienummer",
        ".first_deadline" => "first-deadline",
        ".follow_up_deadline" => "follow-up-deadline",
        ".send_to" => "send-to",
        _ => "name",
    };
    Target::case(format!("board-{}-{field}", board.id))
}

fn locate_response(case: &Case, index: usize, rest: &str, item: Option<ItemRef>) -> Option<Target> {
    let response = case.responses.get(index)?;
    let board = response.board.as_str();
    case.board(board)?;
    let step_of = |item: ItemRef| {
        case.items_for_board(board)
            .position(|(other, _)| other == item)
    };
    if let Some(rest) = rest.strip_prefix(".follow_up") {
        return locate_follow_up(case, board, rest, item);
    }
    let rest = rest.strip_prefix(".first")?;
    if rest == ".summary" || rest.starts_with(".signatories") {
        return Some(Target::answer(board, None, "summary"));
    }
    if rest == ".date" {
        return Some(Target::answer(board, None, "response-date"));
    }
    if let Some((answer_index, field)) = indexed(rest, ".answers") {
        let item = response
            .first
            .answers
            .get(answer_index)
            .map(|answer| answer.item)?;
        let id = match field {
            ".motivation" => "motivation",
            ".no_measure_reason" => "no-measure-reason",
            _ => "stance-agrees",
        };
        return Some(Target::answer(board, step_of(item), id));
    }
    if rest == ".answers" {
        let step = item.and_then(step_of);
        return Some(Target::answer(
            board,
            step,
            if step.is_some() {
                "stance-agrees"
            } else {
                "summary"
            },
        ));
    }
    if let Some((measure_index, field)) = indexed(rest, ".measures") {
        let measure = response.first.measures.get(measure_index)?;
        let step = measure.answers.iter().find_map(|item| step_of(*item));
        let suffix = match field {
            ".expected_effect" => "effect",
            ".done_by" => "done-by",
            ".responsible" => "responsible",
            _ => "action",
        };
        return Some(Target::answer(
            board,
            step,
            format!("measure-{}-{suffix}", measure.id),
        ));
    }
    None
}

/// Follow-up paths: outcomes are addressed by measure id (`outcomes[A3].reason`), new measures
/// by index. A measure is fixed at the step of the first item it answers.
fn locate_follow_up(case: &Case, board: &str, rest: &str, item: Option<ItemRef>) -> Option<Target> {
    let follow_up = case.response(board)?.follow_up.as_ref()?;
    let first = &case.response(board)?.first;
    let step_of = |item: ItemRef| {
        case.items_for_board(board)
            .position(|(other, _)| other == item)
    };
    let first_step = |id: &str| {
        follow_up
            .measure(first, id)
            .and_then(|measure| measure.answers.iter().find_map(|item| step_of(*item)))
    };
    if rest == ".summary" || rest.starts_with(".signatories") {
        return Some(Target::follow_up(board, None, "follow-up-summary"));
    }
    if rest == ".date" {
        return Some(Target::follow_up(board, None, "follow-up-date"));
    }
    if rest == ".evidence" {
        return Some(Target::follow_up(board, None, "follow-up-evidence"));
    }
    if let Some(outcome) = rest.strip_prefix(".outcomes[") {
        let (id, field) = outcome.split_once(']')?;
        let suffix = match field {
            ".done_on" => "done-on",
            ".what_was_done" => "what",
            ".achieved_effect" => "effect",
            ".reason" => "reason",
            ".replaced_by" => "replaced-by",
            _ => "status",
        };
        return Some(Target::follow_up(
            board,
            first_step(id),
            format!("outcome-{id}-{suffix}"),
        ));
    }
    if rest == ".outcomes" {
        return Some(Target::follow_up(
            board,
            item.and_then(step_of),
            "add-new-measure",
        ));
    }
    if let Some((index, _)) = indexed(rest, ".new_measures") {
        let id = &follow_up.new_measures.get(index)?.id;
        return Some(Target::follow_up(
            board,
            first_step(id),
            format!("new-measure-{id}-action"),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use schemas::{load_case, validate, Date};

    fn example() -> Case {
        load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json")).expect("example")
    }

    fn finding(path: &str) -> Finding {
        Finding {
            severity: schemas::Severity::Error,
            path: path.into(),
            message: String::new(),
            item: None,
        }
    }

    fn at(case: &Case, path: &str) -> Target {
        locate(case, &finding(path))
    }

    #[test]
    fn audit_and_board_fields_are_on_the_case_page() {
        let case = example();
        assert_eq!(at(&case, "audit.title"), Target::case("audit-title"));
        assert_eq!(
            at(&case, "audit.recommendations[2].addressees[0]"),
            Target::case("item-R3-text")
        );
        assert_eq!(
            at(&case, "audit.questions[4].text"),
            Target::case("question-5")
        );
        assert_eq!(
            at(&case, "boards[1].follow_up_deadline"),
            Target::case("board-sn-follow-up-deadline")
        );
        assert_eq!(at(&case, "boards"), Target::case("new-board"));
    }

    #[test]
    fn answer_fields_open_the_boards_answer_at_the_right_step() {
        let case = example();
        // Servicenämnden answers B3, B4, R2, R4 in that order.
        assert_eq!(
            at(&case, "responses[1].first.summary"),
            Target::answer("sn", None, "summary")
        );
        assert_eq!(
            at(&case, "responses[1].first.answers[2].motivation"),
            Target::answer("sn", Some(2), "motivation")
        );
        assert_eq!(
            at(&case, "responses[1].first.measures[1].done_by"),
            Target::answer("sn", Some(3), "measure-A2-done-by")
        );
    }

    #[test]
    fn every_finding_of_a_broken_case_has_a_target() {
        let mut case = example();
        case.responses[0].first.answers.remove(0);
        case.responses[0].first.measures[1].done_by = None;
        case.audit.title.clear();
        let today = Date::parse("2025-03-01").expect("date");
        let targets: Vec<Target> = validate(&case, today)
            .iter()
            .map(|f| locate(&case, f))
            .collect();
        assert!(targets.contains(&Target::case("audit-title")));
        // B1 lost its answer: the finding names the item, so the step is known.
        assert!(
            targets.contains(&Target::answer("ks", Some(0), "stance-agrees")),
            "{targets:?}"
        );
        assert!(
            targets.contains(&Target::answer("ks", Some(0), "measure-A2-done-by")),
            "{targets:?}"
        );
    }

    #[test]
    fn follow_up_findings_open_the_follow_up_at_the_measures_step() {
        let case = load_case(include_str!("../../examples/it-sakerhet-uppfoljning.json"))
            .expect("example");
        let today = Date::parse("2026-02-02").expect("date");
        let targets: Vec<Target> = validate(&case, today)
            .iter()
            .map(|f| locate(&case, f))
            .collect();
        // Kommunstyrelsen answers B1, B2, B4, R1, R2, R3; A4 answers B2 and R3, A3 B4 and R2.
        for expected in [
            Target::follow_up("ks", None, "follow-up-summary"),
            Target::follow_up("ks", Some(1), "outcome-A4-reason"),
            Target::follow_up("ks", Some(2), "outcome-A3-status"),
            Target::follow_up("ks", Some(0), "outcome-N1-status"),
        ] {
            assert!(targets.contains(&expected), "{expected:?} in {targets:?}");
        }
        assert_eq!(
            at(&case, "responses[0].follow_up.new_measures[0].action"),
            Target::follow_up("ks", Some(0), "new-measure-N1-action")
        );
    }

    #[test]
    fn unknown_or_stale_paths_fall_back_to_the_case_page() {
        let case = example();
        for path in [
            "",
            "nonsense",
            "responses[9].first.summary",
            "boards[7].name",
            "audit.recommendations[99]",
        ] {
            assert_eq!(at(&case, path).view, View::Case, "{path}");
        }
    }
}
