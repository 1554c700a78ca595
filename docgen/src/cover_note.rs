//! The tjänsteskrivelse: the official's cover report that takes a yttrande to the board for
//! decision. Its headings follow the municipal template (Sammanfattning, Förslag till beslut,
//! Beslutsunderlag, Beslutsplanering, Ärendet, Ansvariga); every part the case already knows
//! (the audit, deadlines, questions, recommendations, the board's stance, the follow-up's
//! outcome) is written from the case, and the rest from the yttrande's `CoverNote`.

use crate::content::{Document, Paragraph};
use schemas::comparison::{BoardComparison, FollowUpSummary, MeasureComparison};
use schemas::{Board, BoardResponse, Case, CoverNote, Date, ItemKind, ItemRef, Yttrande};

use crate::blocks;
use crate::frame;
use crate::package::DocumentInfo;
use crate::styles;
use crate::wording::{
    auditor, count_sv, genitive, join_swedish, lowercase_first, outcome_notes, OutcomeNote,
};

/// What the tjänsteskrivelse is about: the board's response, and its comparison when the
/// tjänsteskrivelse goes with the uppföljande yttrande.
pub struct Subject<'a> {
    pub case: &'a Case,
    pub board: &'a Board,
    pub response: &'a BoardResponse,
    pub yttrande: Yttrande,
    /// Present exactly when `yttrande` is the follow-up.
    pub comparison: Option<BoardComparison<'a>>,
}

pub fn build(subject: &Subject<'_>, note: &CoverNote, date: Date) -> (Document, DocumentInfo) {
    let Subject { case, board, .. } = subject;
    let info = DocumentInfo {
        title: case.audit.title.trim().to_string(),
        subject: format!("Tjänsteskrivelse, {}", subject.yttrande.label_sv()),
        author: if note.author.name.trim().is_empty() {
            board.name.clone()
        } else {
            note.author.name.clone()
        },
        date,
        charts: Vec::new(),
    };
    let issuer = if note.office.trim().is_empty() {
        &board.name
    } else {
        &note.office
    };
    let mut docx = frame::open(case, board, issuer, &info);
    docx = blocks::add_all(docx, reference_block(note, board));
    docx = blocks::add_all(docx, summary(subject));
    docx = blocks::add_all(docx, proposal(subject, note));
    docx = blocks::add_all(docx, basis(subject));
    docx = blocks::add_all(docx, planning(case, board, note));
    docx = blocks::add_all(docx, matter(subject, note));
    docx = blocks::add_all(docx, responsible(note));
    (docx, info)
}

/// Vår referens and the board's diarienummer.
fn reference_block(note: &CoverNote, board: &Board) -> Vec<Paragraph> {
    let author = [&note.author.name, &note.author.title, &note.author_email]
        .into_iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let mut paragraphs = Vec::new();
    if !author.is_empty() {
        paragraphs.push(blocks::labelled("Vår referens", &author));
    }
    if !board.diarienummer.trim().is_empty() {
        paragraphs.push(blocks::labelled("Diarienummer", &board.diarienummer));
    }
    paragraphs
}

/// "Stadsrevisionen har på uppdrag av revisorskollegiet genomfört granskningen ”X” (SR-1)."
fn audit_sentence(case: &Case) -> String {
    let audit = &case.audit;
    let who = auditor(case);
    let performed_by = audit.performed_by.trim();
    let by = if performed_by.is_empty() || performed_by == who {
        who.to_string()
    } else {
        format!("{performed_by} har på uppdrag av {}", lowercase_first(who))
    };
    let verb = if performed_by.is_empty() || performed_by == who {
        " har"
    } else {
        ""
    };
    let reference = match audit.reference.trim() {
        "" => String::new(),
        reference => format!(" ({reference})"),
    };
    format!(
        "{by}{verb} genomfört granskningen ”{}”{reference}.",
        audit.title.trim()
    )
}

fn summary(subject: &Subject<'_>) -> Vec<Paragraph> {
    let Subject {
        case,
        board,
        response,
        ..
    } = subject;
    let mut paragraphs = vec![
        blocks::heading1("Sammanfattning"),
        blocks::styled(styles::NORMAL, &audit_sentence(case)),
    ];
    let task = match &subject.comparison {
        None => format!(
            "{} har fått möjlighet att yttra sig över granskningen och dess rekommendationer.",
            board.name
        ),
        Some(_) => format!(
            "{} ska i ett uppföljande yttrande redovisa vilka åtgärder som har vidtagits {} och \
             vilken effekt de har haft.",
            board.name,
            period_phrase(board)
        ),
    };
    paragraphs.push(blocks::styled(styles::NORMAL, &task));
    if !case.audit.conclusion.trim().is_empty() {
        paragraphs.push(
            blocks::styled(styles::NORMAL, "Den samlade bedömningen i granskningen:").keep_next(),
        );
        paragraphs.extend(blocks::text_paragraphs(
            styles::QUOTE,
            &case.audit.conclusion,
        ));
    }
    match (&subject.comparison, &response.follow_up) {
        (Some(comparison), Some(follow_up)) => {
            paragraphs.push(blocks::styled(
                styles::NORMAL,
                &outcome_sentence(comparison),
            ));
            paragraphs.extend(blocks::text_paragraphs(styles::NORMAL, &follow_up.summary));
        }
        _ => paragraphs.extend(blocks::text_paragraphs(
            styles::NORMAL,
            &response.first.summary,
        )),
    }
    paragraphs
}

fn period_phrase(board: &Board) -> String {
    match board.follow_up_period {
        Some(period) => format!("under {period}"),
        None => "sedan det första yttrandet".to_string(),
    }
}

/// "Av 6 utlovade och nya åtgärder är 3 genomförda (2 i tid), 1 pågår och 2 ej påbörjade. …"
fn outcome_sentence(comparison: &BoardComparison<'_>) -> String {
    let summary = &comparison.summary;
    let mut text = format!(
        "Av {} utlovade och nya åtgärder är {}.",
        summary.total(),
        join_swedish(&status_counts(summary)),
    );
    if summary.not_assessed > 0 {
        text.push(' ');
        text.push_str(&count_sv(
            summary.not_assessed,
            "åtgärd är ännu inte bedömd.",
            "åtgärder är ännu inte bedömda.",
        ));
    }
    if summary.new > 0 {
        text.push_str(&format!(
            " {} av dem har tillkommit under perioden.",
            summary.new
        ));
    }
    text
}

/// "3 genomförda (2 i tid)", "1 delvis genomförd", "1 pågår", "2 ej påbörjade", "1 utgår": one
/// part per status that some measure has, so a measure not started is never said to be under
/// way. The done measures are always named, even when none is.
fn status_counts(summary: &FollowUpSummary) -> Vec<String> {
    let done = summary.done_in_time + summary.done_late + summary.done_undated;
    let mut parts = vec![match done {
        0 => count_sv(done, "genomförd", "genomförda"),
        _ => format!(
            "{} ({} i tid)",
            count_sv(done, "genomförd", "genomförda"),
            summary.done_in_time
        ),
    }];
    let others = [
        (
            summary.partly_done.total(),
            "delvis genomförd",
            "delvis genomförda",
        ),
        (summary.ongoing.total(), "pågår", "pågår"),
        (summary.not_started.total(), "ej påbörjad", "ej påbörjade"),
        (summary.dropped, "utgår", "utgår"),
        (
            summary.replaced,
            "har ersatts av en annan åtgärd",
            "har ersatts av andra åtgärder",
        ),
    ];
    parts.extend(
        others
            .into_iter()
            .filter(|(count, _, _)| *count > 0)
            .map(|(count, one, many)| count_sv(count, one, many)),
    );
    parts
}

fn proposal(subject: &Subject<'_>, note: &CoverNote) -> Vec<Paragraph> {
    let board = subject.board;
    let proposer = [note.proposed_by.trim(), note.office.trim()]
        .into_iter()
        .find(|who| !who.is_empty());
    let lead = match proposer {
        Some(who) => format!("{who} föreslår {} besluta", lowercase_first(&board.name)),
        None => format!("Det föreslås att {} beslutar", lowercase_first(&board.name)),
    };
    let decision = format!(
        "{} godkänner förslag till {} och skickar yttrandet till {}.",
        board.name,
        subject.yttrande.label_sv(),
        lowercase_first(auditor(subject.case)),
    );
    vec![
        blocks::heading1("Förslag till beslut"),
        blocks::styled(styles::NORMAL, &lead).keep_next(),
        blocks::list_item("1.", &decision),
    ]
}

fn basis(subject: &Subject<'_>) -> Vec<Paragraph> {
    let title = subject.case.audit.title.trim();
    let mut documents = vec![format!("{title} – missiv"), format!("{title} – rapport")];
    if subject.yttrande == Yttrande::FollowUp {
        let filed = subject
            .response
            .first
            .date
            .map(|date| format!(" ({date})"))
            .unwrap_or_default();
        documents.push(format!("Första yttrande – {title}{filed}"));
    }
    documents.push(format!("Tjänsteskrivelse – {title}"));
    documents.push(format!(
        "Förslag till {} – {title}",
        subject.yttrande.label_sv()
    ));
    let mut paragraphs = vec![blocks::heading1("Beslutsunderlag")];
    paragraphs.extend(
        documents
            .iter()
            .map(|document| blocks::list_item("•", document)),
    );
    paragraphs
}

fn planning(case: &Case, board: &Board, note: &CoverNote) -> Vec<Paragraph> {
    let mut paragraphs = vec![blocks::heading1("Beslutsplanering")];
    let meetings: Vec<String> = note
        .meetings
        .iter()
        .filter(|meeting| !meeting.body.trim().is_empty())
        .map(|meeting| match meeting.date {
            Some(date) => format!("{} {date}", meeting.body.trim()),
            None => meeting.body.trim().to_string(),
        })
        .collect();
    if meetings.is_empty() {
        paragraphs.push(blocks::styled(
            styles::NORMAL,
            "Sammanträden är inte angivna.",
        ));
    }
    paragraphs.extend(
        meetings
            .iter()
            .map(|meeting| blocks::styled(styles::NORMAL, meeting)),
    );
    // As in a real tjänsteskrivelse: the words, then one recipient per line.
    paragraphs.push(
        Paragraph::new()
            .style(styles::NORMAL)
            .keep_next()
            .add_run(blocks::text_run("Beslutet skickas till").bold()),
    );
    paragraphs.extend(
        recipients(case, board, note)
            .iter()
            .map(|recipient| blocks::styled(styles::NORMAL, recipient)),
    );
    paragraphs
}

/// Who the decision goes to: the auditors, at the address their missiv gives for yttranden
/// (`Board::send_to`) when it is known, and the office's official who prepared it.
fn recipients(case: &Case, board: &Board, note: &CoverNote) -> Vec<String> {
    let auditors = match board.send_to.trim() {
        "" => auditor(case).to_string(),
        address => format!("{} ({address})", auditor(case)),
    };
    let mut recipients = vec![auditors];
    if !note.office.trim().is_empty() {
        recipients.push(format!("{} handläggare", genitive(&note.office)));
    }
    recipients
}

fn matter(subject: &Subject<'_>, note: &CoverNote) -> Vec<Paragraph> {
    let Subject { case, board, .. } = subject;
    let mut paragraphs = vec![
        blocks::heading1("Ärendet"),
        blocks::styled(styles::NORMAL, &assignment(case, board)),
    ];
    if !case.audit.questions.is_empty() {
        paragraphs.push(
            blocks::styled(
                styles::NORMAL,
                "Följande revisionsfrågor ingick i granskningen:",
            )
            .keep_next(),
        );
        paragraphs.extend(
            case.audit.questions.iter().map(|question| {
                blocks::list_item(&format!("{}.", question.number), &question.text)
            }),
        );
    }
    let recommendations: Vec<_> = case
        .items_for_board(&board.id)
        .filter(|(item, _)| item.kind == ItemKind::Recommendation)
        .collect();
    if !recommendations.is_empty() {
        paragraphs.push(
            blocks::styled(
                styles::NORMAL,
                &format!(
                    "Utifrån resultatet av granskningen rekommenderas {} att:",
                    lowercase_first(&board.name)
                ),
            )
            .keep_next(),
        );
        paragraphs.extend(
            recommendations
                .iter()
                .map(|(_, item)| blocks::list_item("•", &item.text)),
        );
    }
    let office = match note.office.trim() {
        "" => "Förvaltningen",
        office => office,
    };
    paragraphs.push(blocks::heading2(&format!("{} bedömning", genitive(office))));
    for (item, audit_item) in case.items_for_board(&board.id) {
        paragraphs.push(Paragraph::new().style(styles::NORMAL).keep_next().add_run(
            blocks::text_run(&format!("{}: {}", item.label_sv(), audit_item.text.trim())).bold(),
        ));
        paragraphs.extend(match &subject.comparison {
            None => first_assessment(subject.response, item),
            Some(comparison) => follow_up_assessment(comparison, item),
        });
    }
    paragraphs
}

/// "Revisorskollegiet har gett servicenämnden i uppdrag att yttra sig vid två tillfällen …"
fn assignment(case: &Case, board: &Board) -> String {
    let mut text = format!(
        "{} har gett {} i uppdrag att yttra sig vid två tillfällen med anledning av granskningen.",
        auditor(case),
        lowercase_first(&board.name)
    );
    if let Some(deadline) = board.first_deadline {
        text.push_str(&format!(
            " Det första yttrandet ska inkomma senast {}.",
            deadline.to_swedish_text()
        ));
    }
    if let Some(deadline) = board.follow_up_deadline {
        text.push_str(&format!(
            " Det uppföljande yttrandet ska inkomma senast {}.",
            deadline.to_swedish_text()
        ));
    }
    text
}

/// The stance of the first yttrande, its motivation and the planned measures with dates.
fn first_assessment(response: &BoardResponse, item: ItemRef) -> Vec<Paragraph> {
    let first = &response.first;
    let answer = first.answer(item);
    let stance = answer
        .and_then(|answer| answer.stance)
        .map_or("Ställningstagande saknas", |stance| stance.label_sv());
    let mut paragraphs = vec![blocks::labelled("Förslag till ställningstagande", stance)];
    if let Some(answer) = answer {
        paragraphs.extend(blocks::text_paragraphs(styles::NORMAL, &answer.motivation));
    }
    for measure in first.measures_for(item) {
        let date = measure
            .done_by
            .map(|date| format!(" (senast {date})"))
            .unwrap_or_default();
        paragraphs.push(blocks::list_item(
            "•",
            &format!("{}{date}", measure.action.trim()),
        ));
    }
    if let Some(reason) = answer
        .map(|answer| answer.no_measure_reason.trim())
        .filter(|reason| !reason.is_empty())
    {
        paragraphs.push(blocks::labelled("Ingen åtgärd planeras", reason));
    }
    paragraphs
}

/// Each measure for the item with its status, date, delay, moved date, reason and what was
/// done, as the uppföljande yttrande gives them.
fn follow_up_assessment(comparison: &BoardComparison<'_>, item: ItemRef) -> Vec<Paragraph> {
    let Some(compared) = comparison
        .items
        .iter()
        .find(|candidate| candidate.item == item)
    else {
        return Vec::new();
    };
    let mut paragraphs: Vec<Paragraph> = compared
        .measures()
        .map(|measure| blocks::list_item("•", &measure_outcome_sentence(measure)))
        .collect();
    if paragraphs.is_empty() {
        paragraphs.push(blocks::styled(styles::NORMAL, "Inga åtgärder utlovades."));
    }
    paragraphs
}

/// "Planen övas … – Genomförd 2025-12-09 (försenad 9 dagar). Skäl: …. En övning hölls i
/// december."
fn measure_outcome_sentence(measure: &MeasureComparison<'_>) -> String {
    let outcome = measure.outcome;
    let done = outcome
        .and_then(|outcome| outcome.done_on)
        .filter(|_| measure.is_done())
        .map(|date| format!(" {date}"))
        .unwrap_or_default();
    let mut timing = String::new();
    let mut notes = String::new();
    for note in outcome_notes(measure) {
        match note {
            OutcomeNote::Timing(text) => timing = format!(" ({})", lowercase_first(&text)),
            OutcomeNote::Labelled { label, text } => {
                notes.push_str(&format!(" {label}: {}", with_full_stop(&text)));
            }
        }
    }
    let what = outcome
        .map(|outcome| outcome.what_was_done.trim())
        .filter(|what| !what.is_empty())
        .map(|what| format!(" {what}"))
        .unwrap_or_default();
    let new = if measure.is_new { " (ny)" } else { "" };
    format!(
        "{}{new} – {}{done}{timing}.{notes}{what}",
        measure.measure.action.trim(),
        measure.status_label()
    )
}

/// Ends running text with a full stop unless it already ends a sentence.
fn with_full_stop(text: &str) -> String {
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

fn responsible(note: &CoverNote) -> Vec<Paragraph> {
    let people: Vec<_> = note
        .responsible
        .iter()
        .filter(|person| !person.name.trim().is_empty())
        .collect();
    if people.is_empty() {
        return Vec::new();
    }
    let mut paragraphs = vec![blocks::heading1("Ansvariga")];
    paragraphs.extend(people.into_iter().map(|person| {
        let line = match person.title.trim() {
            "" => person.name.trim().to_string(),
            title => format!("{}, {title}", person.name.trim()),
        };
        blocks::styled(styles::NORMAL, &line)
    }));
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audit_sentence_names_who_did_it_for_whom() {
        let mut case = Case::new_empty();
        case.audit.title = "Granskning av IT-säkerhet".into();
        case.audit.reference = "SR-1".into();
        assert_eq!(
            audit_sentence(&case),
            "Revisorerna har genomfört granskningen ”Granskning av IT-säkerhet” (SR-1)."
        );
        case.audit.auditor = "Revisorskollegiet".into();
        case.audit.performed_by = "Stadsrevisionen".into();
        assert_eq!(
            audit_sentence(&case),
            "Stadsrevisionen har på uppdrag av revisorskollegiet genomfört granskningen ”Granskning av IT-säkerhet” (SR-1)."
        );
    }
}
