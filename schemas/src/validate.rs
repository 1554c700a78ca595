//! Checks a case and returns every finding at once, each at the location of its field.
//!
//! Errors are what stops a yttrande from being sent (a recommendation left unanswered, a measure
//! without a date); warnings are what a careful secretary would still want to look at. The
//! checks only read the case and index nothing blindly, so no input can make them panic.

mod characters;
mod follow_up;

use std::collections::{HashMap, HashSet};

use crate::date::Date;
use crate::location::{
    AnswerField, AuditField, BoardField, FirstField, ItemField, Location, MeasureField,
    PersonField, QuestionField, ResponseField,
};
use crate::model::{
    AuditItem, Board, BoardResponse, Case, FirstYttrande, ItemKind, ItemRef, Measure, Signatory,
    Stance,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn label_sv(self) -> &'static str {
        match self {
            Severity::Error => "Fel",
            Severity::Warning => "Varning",
        }
    }
}

/// One problem in a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// Where the problem is; it reads as a path such as
    /// `responses[0].first.measures[2].done_by`.
    pub location: Location,
    /// What is wrong and what to do, in Swedish.
    pub message: String,
    /// The assessment or recommendation the finding concerns, when the path alone does not say
    /// (an item with no answer at all has no answer to point at).
    pub item: Option<ItemRef>,
}

impl Finding {
    /// Where the problem is, as a path in the case file.
    pub fn path(&self) -> String {
        self.location.to_string()
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.severity.label_sv(),
            self.location,
            self.message
        )
    }
}

/// True when any finding stops the case from being sent.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Checks the whole case. `today` stands in for the date of a yttrande that has none yet.
pub fn validate(case: &Case, today: Date) -> Vec<Finding> {
    let mut findings = Findings::default();
    if case.is_self_assessments() {
        // No audit and no yttrande: a name, the boards that assess, and the texts.
        if is_blank(&case.audit.title) {
            findings.error(
                Location::Audit(AuditField::Title),
                "Ge självskattningarna ett namn (t.ex. Självskattningar 2026, Servicenämnden).",
            );
        }
        check_boards(case, &mut findings);
        characters::check(case, &mut findings);
        return findings.list;
    }
    check_audit(case, &mut findings);
    check_boards(case, &mut findings);
    check_responses(case, today, &mut findings);
    characters::check(case, &mut findings);
    findings.list
}

#[derive(Default)]
struct Findings {
    list: Vec<Finding>,
}

impl Findings {
    fn error(&mut self, location: Location, message: impl Into<String>) {
        self.push(Severity::Error, location, message.into());
    }

    fn warning(&mut self, location: Location, message: impl Into<String>) {
        self.push(Severity::Warning, location, message.into());
    }

    fn push(&mut self, severity: Severity, location: Location, message: String) {
        self.list.push(Finding {
            severity,
            location,
            message,
            item: None,
        });
    }

    /// Marks the last finding as concerning `item`.
    fn about(&mut self, item: ItemRef) {
        if let Some(last) = self.list.last_mut() {
            last.item = Some(item);
        }
    }
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn check_audit(case: &Case, findings: &mut Findings) {
    let audit = &case.audit;
    if is_blank(&audit.reference) {
        findings.error(
            Location::Audit(AuditField::Reference),
            "Ange granskningens referens (t.ex. SR-2024-38).",
        );
    }
    if is_blank(&audit.title) {
        findings.error(
            Location::Audit(AuditField::Title),
            "Ange granskningens titel.",
        );
    }
    if is_blank(&audit.conclusion) {
        findings.warning(
            Location::Audit(AuditField::Conclusion),
            "Rapportens samlade bedömning saknas; det sammanfattande svaret utgår från den.",
        );
    }
    if let (Some(report), Some(missiv)) = (audit.report_date, audit.missiv_date) {
        if missiv < report {
            findings.warning(
                Location::Audit(AuditField::MissivDate),
                format!("Missivet ({missiv}) är daterat före rapporten ({report})."),
            );
        }
    }
    let mut seen_questions = HashSet::new();
    for (index, question) in audit.questions.iter().enumerate() {
        let at = |field| Location::Question { index, field };
        check_number(
            question.number,
            &mut seen_questions,
            at(QuestionField::Number),
            "Revisionsfråga",
            findings,
        );
        if is_blank(&question.text) {
            findings.error(at(QuestionField::Text), "Revisionsfrågan saknar text.");
        }
    }
    for kind in [ItemKind::Assessment, ItemKind::Recommendation] {
        check_items(case, kind, findings);
    }
}

fn check_number(
    number: u32,
    seen: &mut HashSet<u32>,
    at: Location,
    label: &str,
    findings: &mut Findings,
) {
    if number == 0 {
        findings.error(at, format!("{label} måste ha ett nummer från 1 och uppåt."));
    } else if !seen.insert(number) {
        findings.error(
            at,
            format!("{label} {number} finns redan; numren måste vara unika."),
        );
    }
}

fn check_items(case: &Case, kind: ItemKind, findings: &mut Findings) {
    let mut seen = HashSet::new();
    for (index, item) in case.audit.items(kind).iter().enumerate() {
        let at = |field| Location::Item { kind, index, field };
        check_number(
            item.number,
            &mut seen,
            at(ItemField::Number),
            kind.label_sv(),
            findings,
        );
        let label = format!("{} {}", kind.label_sv(), item.number);
        if is_blank(&item.text) {
            findings.error(at(ItemField::Text), format!("{label} saknar text."));
        }
        check_addressees(case, item, &at, &label, findings);
    }
}

fn check_addressees(
    case: &Case,
    item: &AuditItem,
    at: &dyn Fn(ItemField) -> Location,
    label: &str,
    findings: &mut Findings,
) {
    if item.addressees.is_empty() {
        findings.error(
            at(ItemField::Addressees),
            format!("{label} är inte riktad till någon nämnd."),
        );
    }
    let mut seen = HashSet::new();
    for (index, id) in item.addressees.iter().enumerate() {
        let addressee = at(ItemField::Addressee(index));
        if case.board(id).is_none() {
            findings.error(
                addressee,
                format!("{label} är riktad till «{id}», som inte finns bland nämnderna."),
            );
        } else if !seen.insert(id) {
            findings.warning(addressee, format!("{label} nämner «{id}» två gånger."));
        }
    }
}

fn check_boards(case: &Case, findings: &mut Findings) {
    let mut seen_ids = HashSet::new();
    for (index, board) in case.boards.iter().enumerate() {
        let at = |field| Location::Board { index, field };
        if is_blank(&board.id) {
            findings.error(at(BoardField::Id), "Nämnden saknar kortnamn (id).");
        } else if !seen_ids.insert(board.id.as_str()) {
            findings.error(
                at(BoardField::Id),
                format!("Kortnamnet «{}» används redan av en annan nämnd.", board.id),
            );
        }
        if is_blank(&board.name) {
            findings.error(at(BoardField::Name), "Ange nämndens namn.");
        }
        check_board_dates(case, board, &at, findings);
        if !case.is_self_assessments() && case.items_for_board(&board.id).next().is_none() {
            findings.warning(
                at(BoardField::Whole),
                format!(
                    "Ingen bedömning eller rekommendation är riktad till {}.",
                    board_name(board)
                ),
            );
        }
    }
    if case.boards.is_empty() {
        findings.error(Location::Boards, "Ange minst en nämnd som ska yttra sig.");
    }
}

fn board_name(board: &Board) -> &str {
    if is_blank(&board.name) {
        &board.id
    } else {
        &board.name
    }
}

fn check_board_dates(
    case: &Case,
    board: &Board,
    at: &dyn Fn(BoardField) -> Location,
    findings: &mut Findings,
) {
    if let (Some(first), Some(follow_up)) = (board.first_deadline, board.follow_up_deadline) {
        if follow_up <= first {
            findings.error(
                at(BoardField::FollowUpDeadline),
                format!("Det uppföljande yttrandet ({follow_up}) måste komma efter det första ({first})."),
            );
        }
    }
    if let (Some(missiv), Some(first)) = (case.audit.missiv_date, board.first_deadline) {
        if first < missiv {
            findings.warning(
                at(BoardField::FirstDeadline),
                format!(
                    "Sista dag för första yttrandet ({first}) är före missivets datum ({missiv})."
                ),
            );
        }
    }
    if let Some(period) = board.follow_up_period {
        if period.from > period.to {
            findings.error(
                at(BoardField::FollowUpPeriod),
                format!(
                    "Uppföljningsperioden börjar ({}) efter att den slutar ({}).",
                    period.from, period.to
                ),
            );
        }
    }
}

fn check_responses(case: &Case, today: Date, findings: &mut Findings) {
    let mut seen_boards = HashSet::new();
    for (index, response) in case.responses.iter().enumerate() {
        let board_field = Location::Response {
            index,
            field: ResponseField::Board,
        };
        let Some(board) = case.board(&response.board) else {
            findings.error(
                board_field,
                format!(
                    "Svaret gäller «{}», som inte finns bland nämnderna.",
                    response.board
                ),
            );
            continue;
        };
        if !seen_boards.insert(board.id.as_str()) {
            findings.error(
                board_field,
                format!(
                    "{} har redan ett svar; slå ihop dem till ett.",
                    board_name(board)
                ),
            );
            continue;
        }
        // A started follow-up locks the first yttrande: it was filed and cannot be mended, so
        // only the follow-up is checked.
        match &response.follow_up {
            Some(follow_up) => follow_up::check(case, board, follow_up, index, today, findings),
            None => check_first_response(case, board, response, index, today, findings),
        }
    }
    for board in &case.boards {
        if !is_blank(&board.id) && !seen_boards.contains(board.id.as_str()) {
            findings.warning(
                Location::Responses,
                format!("{} har inte börjat på sitt yttrande.", board_name(board)),
            );
        }
    }
}

fn check_first_response(
    case: &Case,
    board: &Board,
    response: &BoardResponse,
    index: usize,
    today: Date,
    findings: &mut Findings,
) {
    let at = |field| Location::First {
        response: index,
        field,
    };
    let first = &response.first;
    let yttrande_date = first.date.unwrap_or(today);
    if is_blank(&first.summary) {
        findings.error(
            at(FirstField::Summary),
            "Skriv ett sammanfattande svar utifrån granskningens slutsats.",
        );
    }
    if let (Some(date), Some(deadline)) = (first.date, board.first_deadline) {
        if date > deadline {
            findings.warning(
                at(FirstField::Date),
                format!("Yttrandet är daterat {date}, efter sista dag {deadline}."),
            );
        }
    }
    check_answers(case, board, first, &at, findings);
    check_items_answered(case, board, first, &at, findings);
    check_measures(case, board, first, &at, yttrande_date, findings);
    check_signatories(
        &first.signatories,
        &|index, field| at(FirstField::Signatory { index, field }),
        findings,
    );
}

fn check_signatories(
    signatories: &[Signatory],
    at: &dyn Fn(usize, PersonField) -> Location,
    findings: &mut Findings,
) {
    for (index, signatory) in signatories.iter().enumerate() {
        if is_blank(&signatory.name) {
            findings.error(
                at(index, PersonField::Name),
                "Ange namnet på den som undertecknar.",
            );
        }
    }
}

fn check_answers(
    case: &Case,
    board: &Board,
    first: &FirstYttrande,
    at: &dyn Fn(FirstField) -> Location,
    findings: &mut Findings,
) {
    let mut seen = HashSet::new();
    for (index, answer) in first.answers.iter().enumerate() {
        let field = |field| at(FirstField::Answer { index, field });
        let label = answer.item.label_sv();
        match case.item(answer.item) {
            None => findings.error(
                field(AnswerField::Item),
                format!("{label} finns inte i rapporten."),
            ),
            Some(item) if !item.addressees.contains(&board.id) => findings.error(
                field(AnswerField::Item),
                format!("{label} är inte riktad till {}.", board_name(board)),
            ),
            Some(_) => {}
        }
        if !seen.insert(answer.item) {
            findings.error(
                field(AnswerField::Item),
                format!("{label} besvaras två gånger."),
            );
        }
        let needs_motivation = matches!(
            answer.stance,
            Some(Stance::PartlyAgrees) | Some(Stance::Disagrees)
        );
        if needs_motivation && is_blank(&answer.motivation) {
            findings.error(
                field(AnswerField::Motivation),
                format!("{label}: motivera varför nämnden inte instämmer helt."),
            );
        }
    }
}

/// Every item addressed to the board needs a stance, and measures or a reason for having none.
fn check_items_answered(
    case: &Case,
    board: &Board,
    first: &FirstYttrande,
    at: &dyn Fn(FirstField) -> Location,
    findings: &mut Findings,
) {
    let answer_index: HashMap<_, _> = first
        .answers
        .iter()
        .enumerate()
        .map(|(index, answer)| (answer.item, index))
        .rev() // the first answer wins when an item is answered twice
        .collect();
    for (item, _) in case.items_for_board(&board.id) {
        let label = item.label_sv();
        let answer = answer_index
            .get(&item)
            .and_then(|&i| first.answers.get(i).map(|a| (i, a)));
        let has_measure = first.measures_for(item).next().is_some();
        let Some((index, answer)) = answer else {
            findings.error(
                at(FirstField::Answers),
                format!("{label} är inte besvarad: ange ställningstagande och åtgärder."),
            );
            findings.about(item);
            continue;
        };
        let field = |field| at(FirstField::Answer { index, field });
        if answer.stance.is_none() {
            findings.error(
                field(AnswerField::Stance),
                format!(
                    "{label}: ange om nämnden instämmer, instämmer delvis eller inte instämmer."
                ),
            );
            findings.about(item);
        }
        let has_reason = !is_blank(&answer.no_measure_reason);
        if !has_measure && !has_reason {
            findings.error(
                field(AnswerField::NoMeasureReason),
                format!("{label} har ingen åtgärd: lägg till en åtgärd eller motivera varför ingen planeras."),
            );
            findings.about(item);
        }
        if has_measure && has_reason {
            findings.warning(
                field(AnswerField::NoMeasureReason),
                format!(
                    "{label} har både åtgärder och en motivering till att ingen åtgärd planeras."
                ),
            );
        }
    }
}

fn check_measures(
    case: &Case,
    board: &Board,
    first: &FirstYttrande,
    at: &dyn Fn(FirstField) -> Location,
    yttrande_date: Date,
    findings: &mut Findings,
) {
    let mut seen_ids = HashSet::new();
    for (index, measure) in first.measures.iter().enumerate() {
        let field = |field| at(FirstField::Measure { index, field });
        let label = if is_blank(&measure.id) {
            format!("Åtgärd {}", index + 1)
        } else {
            format!("Åtgärd {}", measure.id)
        };
        if is_blank(&measure.id) {
            findings.error(field(MeasureField::Id), format!("{label} saknar id."));
        } else if !seen_ids.insert(measure.id.as_str()) {
            findings.error(
                field(MeasureField::Id),
                format!("Id «{}» används av flera åtgärder.", measure.id),
            );
        }
        if is_blank(&measure.action) {
            findings.error(
                field(MeasureField::Action),
                format!("{label}: beskriv vad som ska göras."),
            );
        }
        if is_blank(&measure.expected_effect) {
            findings.error(
                field(MeasureField::ExpectedEffect),
                format!("{label}: beskriv den förväntade effekten."),
            );
        }
        match measure.done_by {
            None => findings.error(
                field(MeasureField::DoneBy),
                format!("{label}: ange när åtgärden senast ska vara genomförd."),
            ),
            Some(done_by) if done_by < yttrande_date => findings.error(
                field(MeasureField::DoneBy),
                format!("{label}: datumet {done_by} är före yttrandets datum {yttrande_date}."),
            ),
            Some(_) => {}
        }
        if is_blank(&measure.responsible) {
            findings.warning(
                field(MeasureField::Responsible),
                format!("{label}: ange vem (vilken roll) som ansvarar."),
            );
        }
        check_measure_links(case, board, measure, &field, &label, findings);
    }
}

/// A measure must answer at least one item, and only items of the report addressed to the board.
fn check_measure_links(
    case: &Case,
    board: &Board,
    measure: &Measure,
    at: &dyn Fn(MeasureField) -> Location,
    label: &str,
    findings: &mut Findings,
) {
    if measure.items.is_empty() {
        findings.error(
            at(MeasureField::Items),
            format!("{label} är inte kopplad till någon bedömning eller rekommendation."),
        );
    }
    for (link_index, item) in measure.items.iter().enumerate() {
        let link = at(MeasureField::Item(link_index));
        match case.item(*item) {
            None => findings.error(
                link,
                format!(
                    "{label} hänvisar till {}, som inte finns i rapporten.",
                    item.label_sv()
                ),
            ),
            Some(target) if !target.addressees.contains(&board.id) => findings.error(
                link,
                format!(
                    "{label} hänvisar till {}, som inte är riktad till {}.",
                    item.label_sv(),
                    board_name(board)
                ),
            ),
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use crate::test_support::day;
    use crate::version::load_case;

    /// A small case with two boards, one joint recommendation, answered completely by "ks".
    fn complete_case() -> Case {
        load_case(
            r#"{
          "format": "yttra-case", "format_version": 1, "organisation": "Exempelstad",
          "audit": {
            "reference": "SR-2025-1", "title": "Granskning av arkivering",
            "conclusion": "Arkiveringen är delvis tillräcklig.",
            "missiv_date": "2025-02-01",
            "questions": [ { "number": 1, "text": "Finns rutiner?" } ],
            "assessments": [ { "number": 1, "text": "Rutiner saknas delvis.", "addressees": ["ks"] } ],
            "recommendations": [
              { "number": 1, "text": "Ta fram rutiner.", "addressees": ["ks", "sn"] },
              { "number": 2, "text": "Utbilda personalen.", "addressees": ["sn"] }
            ]
          },
          "boards": [
            { "id": "ks", "name": "Kommunstyrelsen", "first_deadline": "2025-04-01", "follow_up_deadline": "2026-02-01" },
            { "id": "sn", "name": "Servicenämnden" }
          ],
          "responses": [ { "board": "ks", "first": {
            "date": "2025-03-20",
            "summary": "Kommunstyrelsen instämmer.",
            "answers": [
              { "item": "B1", "stance": "agrees" },
              { "item": "R1", "stance": "partly_agrees", "motivation": "Delvis redan gjort." }
            ],
            "measures": [
              { "id": "A1", "action": "Ta fram rutin.", "expected_effect": "Enhetlig arkivering.",
                "done_by": "2025-12-31", "responsible": "Arkivchef", "answers": ["B1", "R1"] }
            ]
          } } ]
        }"#,
        )
        .expect("test case loads")
    }

    fn errors(case: &Case) -> Vec<Finding> {
        validate(case, day("2025-03-01"))
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect()
    }

    fn first_mut(case: &mut Case) -> &mut FirstYttrande {
        &mut case.responses[0].first
    }

    #[test]
    fn a_complete_case_has_no_errors_only_the_unstarted_board() {
        let findings = validate(&complete_case(), day("2025-03-01"));
        assert_eq!(
            findings,
            vec![Finding {
                severity: Severity::Warning,
                location: Location::Responses,
                message: "Servicenämnden har inte börjat på sitt yttrande.".into(),
                item: None,
            }]
        );
    }

    #[test]
    fn an_unanswered_recommendation_needs_a_measure_or_a_reason() {
        let mut case = complete_case();
        first_mut(&mut case).measures[0].items = vec![ItemRef::assessment(1)];
        let found = errors(&case);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].path(),
            "responses[0].first.answers[1].no_measure_reason"
        );
        assert!(found[0]
            .message
            .starts_with("Rekommendation 1 har ingen åtgärd"));

        first_mut(&mut case).answers[1].no_measure_reason = "Rutin finns redan.".into();
        assert_eq!(errors(&case), vec![]);
    }

    #[test]
    fn an_item_without_any_answer_is_reported() {
        let mut case = complete_case();
        first_mut(&mut case).answers.remove(0);
        let found = errors(&case);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path(), "responses[0].first.answers");
        assert!(found[0].message.starts_with("Bedömning 1 är inte besvarad"));
        assert_eq!(found[0].item, Some(ItemRef::assessment(1)));
    }

    #[test]
    fn a_measure_needs_effect_and_date_not_before_the_yttrande() {
        let mut case = complete_case();
        let measure = &mut first_mut(&mut case).measures[0];
        measure.expected_effect = " ".into();
        measure.done_by = None;
        let paths: Vec<_> = errors(&case).into_iter().map(|f| f.path()).collect();
        assert_eq!(
            paths,
            [
                "responses[0].first.measures[0].expected_effect",
                "responses[0].first.measures[0].done_by"
            ]
        );

        let mut case = complete_case();
        first_mut(&mut case).measures[0].done_by = Some(day("2025-03-19"));
        let found = errors(&case);
        assert_eq!(found.len(), 1);
        assert!(found[0]
            .message
            .contains("före yttrandets datum 2025-03-20"));
    }

    #[test]
    fn an_undated_yttrande_is_checked_against_today() {
        let mut case = complete_case();
        first_mut(&mut case).date = None;
        first_mut(&mut case).measures[0].done_by = Some(day("2025-02-28"));
        let found = errors(&case);
        assert_eq!(found.len(), 1);
        assert!(found[0]
            .message
            .contains("före yttrandets datum 2025-03-01"));
    }

    #[test]
    fn unknown_boards_and_duplicate_numbers_are_errors() {
        let mut case = complete_case();
        case.audit.recommendations[1].addressees.push("bn".into());
        case.audit.recommendations[1].number = 1;
        let found = errors(&case);
        let paths: Vec<_> = found.iter().map(|f| f.path()).collect();
        assert_eq!(
            paths,
            [
                "audit.recommendations[1].number",
                "audit.recommendations[1].addressees[1]"
            ]
        );
        assert!(found[1].message.contains("«bn»"));
    }

    #[test]
    fn an_empty_summary_and_missing_stance_are_errors() {
        let mut case = complete_case();
        first_mut(&mut case).summary = "\n".into();
        first_mut(&mut case).answers[0].stance = None;
        let paths: Vec<_> = errors(&case).into_iter().map(|f| f.path()).collect();
        assert_eq!(
            paths,
            [
                "responses[0].first.summary",
                "responses[0].first.answers[0].stance"
            ]
        );
    }

    #[test]
    fn partial_agreement_needs_a_motivation() {
        let mut case = complete_case();
        first_mut(&mut case).answers[1].motivation.clear();
        let found = errors(&case);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path(), "responses[0].first.answers[1].motivation");
    }

    #[test]
    fn answers_and_measures_must_concern_the_board() {
        let mut case = complete_case();
        first_mut(&mut case).measures[0]
            .items
            .push(ItemRef::recommendation(2));
        first_mut(&mut case).measures[0]
            .items
            .push(ItemRef::recommendation(9));
        first_mut(&mut case).answers.push(ItemAnswer {
            item: ItemRef::recommendation(2),
            stance: Some(Stance::Agrees),
            motivation: String::new(),
            no_measure_reason: String::new(),
        });
        let messages: Vec<_> = errors(&case).into_iter().map(|f| f.message).collect();
        assert_eq!(
            messages,
            [
                "Rekommendation 2 är inte riktad till Kommunstyrelsen.",
                "Åtgärd A1 hänvisar till Rekommendation 2, som inte är riktad till Kommunstyrelsen.",
                "Åtgärd A1 hänvisar till Rekommendation 9, som inte finns i rapporten.",
            ]
        );
    }

    #[test]
    fn every_finding_is_returned_at_once() {
        let mut case = Case::new_empty();
        case.audit.recommendations.push(AuditItem {
            number: 0,
            text: String::new(),
            addressees: vec!["x".into()],
            section: String::new(),
        });
        case.responses.push(BoardResponse::new("x"));
        let paths: Vec<_> = validate(&case, day("2025-01-01"))
            .into_iter()
            .map(|f| f.path())
            .collect();
        assert_eq!(
            paths,
            [
                "audit.reference",
                "audit.title",
                "audit.conclusion",
                "audit.recommendations[0].number",
                "audit.recommendations[0].text",
                "audit.recommendations[0].addressees[0]",
                "boards",
                "responses[0].board",
            ]
        );
    }

    #[test]
    fn progress_counts_what_validation_accepts() {
        let mut case = complete_case();
        let recommendations = |case: &Case| case.progress("ks", ItemKind::Recommendation);
        assert_eq!(
            recommendations(&case),
            Progress {
                answered: 1,
                total: 1
            }
        );
        assert_eq!(
            case.progress("ks", ItemKind::Assessment),
            Progress {
                answered: 1,
                total: 1
            }
        );
        assert_eq!(
            case.progress("sn", ItemKind::Recommendation),
            Progress {
                answered: 0,
                total: 2
            }
        );
        first_mut(&mut case).measures.clear();
        assert_eq!(
            recommendations(&case),
            Progress {
                answered: 0,
                total: 1
            }
        );
        assert!(!errors(&case).is_empty());
        first_mut(&mut case).answers[1].no_measure_reason = "Redan gjort.".into();
        assert_eq!(
            recommendations(&case),
            Progress {
                answered: 1,
                total: 1
            }
        );
        first_mut(&mut case).answers[1].stance = None;
        assert_eq!(
            recommendations(&case),
            Progress {
                answered: 0,
                total: 1
            }
        );
    }

    /// The warnings about characters a document cannot show, as (path, message).
    fn unshowable(case: &Case) -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = validate(case, day("2025-03-01"))
            .into_iter()
            .filter(|f| f.message.contains("tecken som inte kan visas"))
            .inspect(|f| assert_eq!(f.severity, Severity::Warning, "{f}"))
            .map(|f| (f.path(), f.message))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn a_bullet_from_a_pdf_is_reported_once_per_field() {
        let mut case = complete_case();
        // U+F0B7 is Word's Symbol-font bullet, as it arrives when a list is copied from a PDF.
        case.audit.recommendations[0].text = "\u{F0B7} Ta fram rutiner.".into();
        first_mut(&mut case).measures[0].action =
            "\u{F0A7} Ta fram rutin. \u{F0A7} Inför den.".into();
        case.boards[1].send_to = "registrator@exempel.se\u{E000}".into();
        let message =
            "Texten innehåller ett tecken som inte kan visas (troligen en punkt från en PDF); ta bort det.";
        assert_eq!(
            unshowable(&case),
            [
                (
                    "audit.recommendations[0].text".to_string(),
                    message.to_string()
                ),
                ("boards[1].send_to".to_string(), message.to_string()),
                (
                    "responses[0].first.measures[0].action".to_string(),
                    message.to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_bullet_in_an_imported_framework_or_an_answer_is_reported() {
        let mut case = complete_case();
        let mut framework = crate::framework::from_audit_questions(&case);
        framework.areas[0].requirements[0].text = "\u{F0D8} Finns rutiner?".into();
        case.self_assessments
            .push(crate::self_assessment::SelfAssessment {
                id: "S1".into(),
                board: "ks".into(),
                title: "Självskattning 2025".into(),
                started: day("2025-02-15"),
                framework,
                answers: vec![crate::self_assessment::Answer {
                    requirement: "Q1".into(),
                    comment: "Se \u{F0E0} rutinen.".into(),
                    ..Default::default()
                }],
                subject: None,
                not_applicable_areas: Vec::new(),
                carried_from: None,
            });
        let paths: Vec<String> = unshowable(&case)
            .into_iter()
            .map(|(path, _)| path)
            .collect();
        assert_eq!(
            paths,
            [
                "self_assessments[0].answers[0].comment",
                "self_assessments[0].framework.areas[0].requirements[0].text",
            ]
        );
    }

    #[test]
    fn only_the_private_use_area_counts_as_unshowable() {
        let mut case = complete_case();
        for (text, reported) in [
            ("\u{E000}", true),
            ("\u{F8FF}", true),
            ("\u{D7FF}", false),
            ("\u{F900}", false),
            ("• – ” ✓ ½ é", false),
        ] {
            case.audit.conclusion = text.to_string();
            assert_eq!(unshowable(&case).len(), usize::from(reported), "{text:?}");
        }
    }

    #[test]
    fn deadlines_must_come_in_order() {
        let mut case = complete_case();
        case.boards[0].follow_up_deadline = Some(day("2025-04-01"));
        case.boards[0].follow_up_period = Some(YearPeriod {
            from: 2026,
            to: 2025,
        });
        let paths: Vec<_> = errors(&case).into_iter().map(|f| f.path()).collect();
        assert_eq!(
            paths,
            ["boards[0].follow_up_deadline", "boards[0].follow_up_period"]
        );
    }

    #[test]
    fn self_assessments_on_their_own_need_a_name_and_no_audit() {
        let mut case = Case::new_self_assessments(" ");
        case.boards.push(Board::new("sn", "Servicenämnden"));
        let found = validate(&case, day("2026-11-30"));
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            ["Ge självskattningarna ett namn (t.ex. Självskattningar 2026, Servicenämnden)."]
        );
        case.audit.title = "Självskattningar 2026".into();
        assert_eq!(validate(&case, day("2026-11-30")), []);
        let read = load_case(&crate::version::save_case(&case)).expect("reads back");
        assert!(read.is_self_assessments());
    }
}
