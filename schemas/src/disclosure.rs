//! What a filed document carries of its case.
//!
//! A filed document is an allmän handling: anyone may ask for it, hidden parts included. So a
//! document embeds the audit's details (they come from the public report), the boards' names
//! (the report addresses them), and of its own board only what the document shows, plus the
//! ids, dates and status keys needed to continue from it. Nothing of other boards' answers, no
//! tjänsteskrivelse details in a yttrande, no self-assessment comments unless the document
//! prints them.
//!
//! One function, [`carry`], says per document what goes across from the whole case into the
//! embedded one ([`embedded_case`]). A document opened again is never merged back wholesale: its
//! embedded case is a snapshot that may be older than the stored case, so the app compares the
//! document's fields with the stored case instead (`fields::differences`) and the user takes in
//! what should change.

use std::collections::HashMap;

use crate::applicability::{Parameter, Subject};
use crate::documents::{find_assessment, find_board, DocumentKind, Request, RequestError};
use crate::follow_up::{FollowUpYttrande, MeasureOutcome};
use crate::model::{
    find_or_push, Board, BoardResponse, Case, FirstYttrande, ItemAnswer, ItemRef, Measure, Yttrande,
};
use crate::self_assessment::{Answer, AreaNotApplicable, SelfAssessment};

/// The case a document embeds: the audit, the boards' names and what the document shows.
/// `Ok(None)` for requests that are not documents (data files carry the whole case on purpose:
/// they are the user's own working copy, not a filed record).
pub fn embedded_case(case: &Case, request: &Request) -> Result<Option<Case>, RequestError> {
    if !embeds_a_scoped_case(request) {
        return Ok(None);
    }
    check_request(case, request)?;
    let mut embedded = frame(case);
    carry(case, &mut embedded, request);
    Ok(Some(embedded))
}

/// True for the requests whose file is a document filed as a public record.
pub fn embeds_a_scoped_case(request: &Request) -> bool {
    matches!(
        request,
        Request::Document { .. }
            | Request::AssessmentReport { .. }
            | Request::OutcomeForm { .. }
            | Request::AnswerForm { .. }
    )
}

fn check_request(case: &Case, request: &Request) -> Result<(), RequestError> {
    match request {
        Request::Document { board, .. }
        | Request::OutcomeForm { board, .. }
        | Request::AnswerForm { board, .. } => find_board(case, board).map(|_| ()),
        Request::AssessmentReport {
            assessment,
            compare_with,
            ..
        } => {
            find_assessment(case, assessment)?;
            if let Some(earlier) = compare_with {
                find_assessment(case, earlier)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The part of every document that is public anyway: the case's identity, the organisation,
/// the audit as the report states it, and each board's id and name (the report addresses the
/// boards by name; their ids keep the items' addressee lists whole).
fn frame(case: &Case) -> Case {
    Case {
        format: case.format.clone(),
        format_version: case.format_version,
        id: case.id.clone(),
        kind: case.kind,
        organisation: case.organisation.clone(),
        audit: case.audit.clone(),
        boards: case
            .boards
            .iter()
            .map(|board| Board::new(&board.id, &board.name))
            .collect(),
        responses: Vec::new(),
        self_assessments: Vec::new(),
    }
}

/// Copies from `from` into `into` what a document of `request` shows: the one description of
/// a document's contents.
fn carry(from: &Case, into: &mut Case, request: &Request) {
    match request {
        Request::Document { board, kind } => carry_document(from, into, board, *kind),
        Request::AssessmentReport {
            assessment,
            compare_with,
            leave_out_unanswered,
        } => {
            carry_assessment(from, into, assessment);
            if *leave_out_unanswered {
                drop_blank_answers(into, assessment);
            }
            // The earlier assessment is shown only as means and the ratings that moved.
            if let Some(earlier) = compare_with {
                carry_ratings(from, into, earlier);
            }
        }
        Request::OutcomeForm { board, responsible } => {
            carry_outcome_form(from, into, board, responsible)
        }
        Request::AnswerForm { board, item } => carry_answer_form(from, into, board, *item),
        Request::Calendar
        | Request::AssessmentAnswers { .. }
        | Request::AssessmentWorkbook { .. }
        | Request::OverviewWorkbook
        | Request::CaseFile => {}
    }
}

/// A form about one item: the board's stance, motivation and reason for it and the measures
/// that answer it, as they stand (the form's fields start from them).
fn carry_answer_form(from: &Case, into: &mut Case, board_id: &str, item: ItemRef) {
    carry_board_details(from, into, board_id, false);
    let Some(source) = from.response(board_id) else {
        return;
    };
    let target = response_mut(into, board_id);
    if let Some(answer) = source.first.answer(item) {
        *find_or_push(
            &mut target.first.answers,
            |a| a.item == item,
            || answer.clone(),
        ) = answer.clone();
    }
    let measures: Vec<Measure> = source.first.measures_for(item).cloned().collect();
    carry_measures(&measures, &mut target.first.measures, Detail::Yttrande);
}

/// A form to one responsible role: its measures as promised or added (the form quotes them)
/// and what has been recorded of them so far (the form's fields start from it).
fn carry_outcome_form(from: &Case, into: &mut Case, board_id: &str, responsible: &str) {
    carry_board_details(from, into, board_id, false);
    let Some(source) = from.response(board_id) else {
        return;
    };
    let Some(follow_up) = &source.follow_up else {
        return;
    };
    let target = response_mut(into, board_id);
    let theirs = |measures: &[Measure]| -> Vec<Measure> {
        measures
            .iter()
            .filter(|m| m.responsible.trim() == responsible.trim())
            .cloned()
            .collect()
    };
    target.first.date = source.first.date;
    carry_measures(
        &theirs(&source.first.measures),
        &mut target.first.measures,
        Detail::Yttrande,
    );
    let into_follow_up = target
        .follow_up
        .get_or_insert_with(|| FollowUpYttrande::start(follow_up.started));
    into_follow_up.started = follow_up.started;
    let new = theirs(&follow_up.new_measures);
    carry_measures(&new, &mut into_follow_up.new_measures, Detail::Yttrande);
    let ids: Vec<String> = theirs(&source.first.measures)
        .iter()
        .chain(&new)
        .map(|m| m.id.clone())
        .collect();
    for outcome in follow_up
        .outcomes
        .iter()
        .filter(|o| ids.contains(&o.measure))
    {
        *find_or_push(
            &mut into_follow_up.outcomes,
            |o| o.measure == outcome.measure,
            || outcome.clone(),
        ) = outcome.clone();
    }
}

fn carry_document(from: &Case, into: &mut Case, board_id: &str, kind: DocumentKind) {
    let shows_send_to = matches!(kind, DocumentKind::CoverNote(_));
    carry_board_details(from, into, board_id, shows_send_to);
    let Some(source) = from.response(board_id) else {
        return;
    };
    let target = response_mut(into, board_id);
    match kind {
        DocumentKind::FirstYttrande => {
            carry_first_yttrande(&source.first, &mut target.first, Detail::Yttrande)
        }
        DocumentKind::FollowUpYttrande => {
            carry_promises(&source.first, &mut target.first);
            carry_follow_up(
                source.follow_up.as_ref(),
                &mut target.follow_up,
                Detail::Yttrande,
            );
            if let Some(evidence) = source.follow_up.as_ref().and_then(|f| f.evidence.clone()) {
                for id in [&evidence.earlier, &evidence.later] {
                    carry_ratings(from, into, id);
                }
            }
        }
        DocumentKind::CoverNote(Yttrande::First) => {
            carry_first_yttrande(&source.first, &mut target.first, Detail::CoverNote);
            target.first.cover_note = source.first.cover_note.clone();
        }
        DocumentKind::CoverNote(Yttrande::FollowUp) => {
            // The promises it reports on: each measure's action and date, and the first
            // yttrande's date.
            target.first.date = source.first.date;
            carry_measures(
                &source.first.measures,
                &mut target.first.measures,
                Detail::CoverNote,
            );
            carry_follow_up(
                source.follow_up.as_ref(),
                &mut target.follow_up,
                Detail::CoverNote,
            );
            if let (Some(source), Some(target)) = (&source.follow_up, &mut target.follow_up) {
                target.cover_note = source.cover_note.clone();
            }
        }
    }
}

/// How much of the board's answers a document prints: a yttrande prints them whole; its
/// tjänsteskrivelse retells them shorter (each measure's action and date, each outcome's status
/// and what was done), without signatories.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Detail {
    Yttrande,
    CoverNote,
}

/// The board's diarienummer (every header prints it), its deadlines and follow-up period
/// (dates needed to continue), and where yttranden are sent only when the document says it.
fn carry_board_details(from: &Case, into: &mut Case, board_id: &str, with_send_to: bool) {
    let Some(source) = from.board(board_id) else {
        return;
    };
    let target = find_or_push(
        &mut into.boards,
        |b| b.id == board_id,
        || Board::new(&source.id, &source.name),
    );
    target.diarienummer = source.diarienummer.clone();
    target.first_deadline = source.first_deadline;
    target.follow_up_deadline = source.follow_up_deadline;
    target.follow_up_period = source.follow_up_period;
    if with_send_to {
        target.send_to = source.send_to.clone();
    }
}

/// The board's response in `into`, made empty when it has none yet.
fn response_mut<'a>(into: &'a mut Case, board_id: &str) -> &'a mut BoardResponse {
    find_or_push(
        &mut into.responses,
        |r| r.board == board_id,
        || BoardResponse {
            board: board_id.to_string(),
            first: FirstYttrande::default(),
            follow_up: None,
        },
    )
}

/// What the första yttrande prints: its date, summary, stances with motivations, measures and
/// signatories (its tjänsteskrivelse: the same without the signatories and each measure's
/// effect and responsible role). Never the tjänsteskrivelse's own details.
fn carry_first_yttrande(from: &FirstYttrande, into: &mut FirstYttrande, detail: Detail) {
    into.date = from.date;
    into.summary = from.summary.clone();
    into.answers = from.answers.clone();
    carry_measures(&from.measures, &mut into.measures, detail);
    if detail == Detail::Yttrande {
        into.signatories = from.signatories.clone();
    }
}

/// What the uppföljande yttrande repeats of the first: its date, each stance (without the
/// motivation, which it does not print), the reason no measure was promised, and the promised
/// measures it sets the results beside.
fn carry_promises(from: &FirstYttrande, into: &mut FirstYttrande) {
    into.date = from.date;
    for answer in &from.answers {
        let target = find_or_push(
            &mut into.answers,
            |a| a.item == answer.item,
            || ItemAnswer {
                item: answer.item,
                stance: None,
                motivation: String::new(),
                no_measure_reason: String::new(),
            },
        );
        target.stance = answer.stance;
        target.no_measure_reason = answer.no_measure_reason.clone();
    }
    carry_measures(&from.measures, &mut into.measures, Detail::Yttrande);
}

/// Measures by id: whole for a yttrande; the action, date and items for a tjänsteskrivelse,
/// leaving the effect and responsible role as they are in `into`.
fn carry_measures(from: &[Measure], into: &mut Vec<Measure>, detail: Detail) {
    // Where each id stands in `into` (its first place, as a search would find it): a large case's
    // hundreds of measures are not each searched for among all the others.
    let mut places: HashMap<String, usize> = HashMap::with_capacity(into.len() + from.len());
    for (place, measure) in into.iter().enumerate() {
        places.entry(measure.id.clone()).or_insert(place);
    }
    for measure in from {
        let place = match places.get(measure.id.as_str()) {
            Some(&place) => place,
            None => {
                into.push(Measure {
                    expected_effect: String::new(),
                    responsible: String::new(),
                    ..measure.clone()
                });
                places.insert(measure.id.clone(), into.len() - 1);
                into.len() - 1
            }
        };
        let target = &mut into[place];
        match detail {
            Detail::Yttrande => *target = measure.clone(),
            Detail::CoverNote => {
                target.action = measure.action.clone();
                target.done_by = measure.done_by;
                target.items = measure.items.clone();
                target.origin = measure.origin.clone();
            }
        }
        // A document does not print where a measure came from: of an assessment kept in
        // another file, only the ids go along, not its names.
        if let Some(elsewhere) = target.origin.as_mut().and_then(|o| o.elsewhere.as_mut()) {
            elsewhere.name.clear();
            elsewhere.assessment_title.clear();
            elsewhere.framework_title.clear();
        }
    }
}

/// The follow-up as the uppföljande yttrande prints it: everything but its tjänsteskrivelse
/// (for the tjänsteskrivelse: its dates, summary, each outcome without the achieved effect, the
/// new measures' actions and dates). The self-assessments chosen as evidence stay out (their
/// comments are not printed); their ids are kept so that a merged case shows the evidence again.
fn carry_follow_up(
    from: Option<&FollowUpYttrande>,
    into: &mut Option<FollowUpYttrande>,
    detail: Detail,
) {
    let Some(from) = from else {
        return;
    };
    let into = into.get_or_insert_with(|| FollowUpYttrande::start(from.started));
    into.started = from.started;
    into.date = from.date;
    into.summary = from.summary.clone();
    carry_measures(&from.new_measures, &mut into.new_measures, detail);
    for outcome in &from.outcomes {
        let target = find_or_push(
            &mut into.outcomes,
            |o| o.measure == outcome.measure,
            || MeasureOutcome {
                measure: outcome.measure.clone(),
                ..MeasureOutcome::default()
            },
        );
        let achieved_effect = match detail {
            Detail::Yttrande => outcome.achieved_effect.clone(),
            Detail::CoverNote => std::mem::take(&mut target.achieved_effect),
        };
        *target = MeasureOutcome {
            achieved_effect,
            ..outcome.clone()
        };
    }
    if detail == Detail::Yttrande {
        into.signatories = from.signatories.clone();
        into.evidence = from.evidence.clone();
    }
}

/// A self-assessment as its report prints it: framework, ratings, comments, evidence and who
/// assessed. Replaces the assessment of the same id in `into`, or is added.
fn carry_assessment(from: &Case, into: &mut Case, id: &str) {
    let Some(source) = from.self_assessments.iter().find(|a| a.id == id) else {
        return;
    };
    carry_board_details(from, into, &source.board, false);
    *find_or_push(
        &mut into.self_assessments,
        |a| a.id == id,
        || source.clone(),
    ) = source.clone();
}

/// A report that leaves out the questions without an answer carries none of their (blank)
/// entries either: only the day a question was opened could be in one.
fn drop_blank_answers(into: &mut Case, id: &str) {
    if let Some(assessment) = into.self_assessments.iter_mut().find(|a| a.id == id) {
        assessment.answers.retain(|answer| !answer.is_blank());
    }
}

/// A self-assessment as the uppföljande yttrande's evidence section shows it: its framework
/// and ratings (the section prints the means per area and the questions that moved), without
/// the title, comments, evidence and names of who assessed. Merged into an existing assessment
/// only its ratings change.
fn carry_ratings(from: &Case, into: &mut Case, id: &str) {
    let Some(source) = from.self_assessments.iter().find(|a| a.id == id) else {
        return;
    };
    let target = find_or_push(
        &mut into.self_assessments,
        |a| a.id == id,
        || SelfAssessment {
            title: String::new(),
            answers: Vec::new(),
            subject: source.subject.as_ref().map(levels_only),
            not_applicable_areas: source
                .not_applicable_areas
                .iter()
                .map(|marked| AreaNotApplicable {
                    area: marked.area.clone(),
                    motivation: String::new(),
                })
                .collect(),
            ..source.clone()
        },
    );
    for answer in &source.answers {
        let rated = find_or_push(
            &mut target.answers,
            |a| a.requirement == answer.requirement,
            || Answer {
                requirement: answer.requirement.clone(),
                ..Answer::default()
            },
        );
        rated.rating = answer.rating;
        rated.assessed_on = answer.assessed_on;
    }
}

/// An asset as the evidence section needs it: its kind and levels decide which requirements
/// count in the means; its name, description and motivations are not printed there.
fn levels_only(subject: &Subject) -> Subject {
    let mut classification = subject.classification.clone();
    for parameter in Parameter::ALL {
        if let Some(classified) = classification.slot(parameter) {
            classified.motivation.clear();
        }
    }
    Subject {
        kind: subject.kind,
        classification,
        ..Subject::default()
    }
}

/// "Det här följer med dokumentet", in plain words for Granska: what the embedded case holds,
/// then what it leaves out.
pub fn carried_sv(case: &Case, request: &Request) -> (Vec<String>, Vec<String>) {
    let mut carried = vec![
        "Granskningens uppgifter som de står i rapporten: titel, referens, revisionsfrågor, \
         bedömningar och rekommendationer."
            .to_string(),
        "Nämndernas namn, som rapporten riktar sig till.".to_string(),
    ];
    let mut left_out = Vec::new();
    match request {
        Request::Document { board, kind } => {
            let name = case
                .board(board)
                .map_or(board.as_str(), |b| b.name.as_str());
            carried.push(format!(
                "Från {name}: diarienummer, tidsfrister och det dokumentet visar{}.",
                document_contents_sv(*kind)
            ));
            if case.boards.len() > 1 {
                left_out.push("Andra nämnders svar och diarienummer.".to_string());
            }
            if !matches!(kind, DocumentKind::CoverNote(_)) {
                left_out
                    .push("Tjänsteskrivelsen: handläggare, e-post och mötesplanering.".to_string());
            }
            if *kind == DocumentKind::FollowUpYttrande {
                left_out.push(
                    "Motiveringarna i det första yttrandet (uppföljningen visar bara \
                     ställningstagandet)."
                        .to_string(),
                );
            }
            let evidence = case
                .response(board)
                .and_then(|r| r.follow_up.as_ref())
                .is_some_and(|f| f.evidence.is_some());
            if *kind == DocumentKind::FollowUpYttrande && evidence {
                carried.push(
                    "Betygen i de två självskattningar som visas som belägg för effekt."
                        .to_string(),
                );
            }
            if !case.self_assessments.is_empty() {
                left_out.push(
                    "Självskattningarnas kommentarer, belägg och vem som bedömde.".to_string(),
                );
            }
        }
        Request::AssessmentReport { .. } => {
            carried.push(
                "Självskattningen som rapporten visar den: frågor, betyg, kommentarer, belägg \
                 och vem som bedömde."
                    .to_string(),
            );
            left_out.push("Nämndernas yttranden och tjänsteskrivelser.".to_string());
        }
        Request::AnswerForm { item, .. } => {
            carried.push(format!(
                "Nämndens svar på {} så långt det är skrivet: ställningstagande, motivering och åtgärder.",
                schemas_item_sv(*item)
            ));
            left_out.push("Allt annat i nämndernas svar.".to_string());
        }
        Request::OutcomeForm { responsible, .. } => {
            carried.push(format!(
                "De åtgärder som {responsible} ansvarar för och det som hittills har rapporterats om dem."
            ));
            left_out.push("Allt annat i nämndernas svar.".to_string());
        }
        Request::Calendar
        | Request::AssessmentAnswers { .. }
        | Request::AssessmentWorkbook { .. }
        | Request::OverviewWorkbook
        | Request::CaseFile => {}
    }
    (carried, left_out)
}

fn schemas_item_sv(item: ItemRef) -> String {
    crate::wording::lowercase_first(&item.label_sv())
}

fn document_contents_sv(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::FirstYttrande => {
            ": sammanfattande svar, ställningstaganden med motiveringar, åtgärder och undertecknare"
        }
        DocumentKind::FollowUpYttrande => {
            ": de utlovade åtgärderna, vad som blev av dem, nya åtgärder och undertecknare"
        }
        DocumentKind::CoverNote(Yttrande::First) => {
            ": tjänsteskrivelsen och det första yttrandet den tar upp"
        }
        DocumentKind::CoverNote(Yttrande::FollowUp) => {
            ": tjänsteskrivelsen och det uppföljande yttrandet den tar upp"
        }
    }
}

#[cfg(test)]
mod tests;
