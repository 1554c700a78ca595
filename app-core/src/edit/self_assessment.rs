//! Changes to the self-assessments: starting one against a framework, what it assesses (an
//! asset and its classification), rating its questions, chapters that do not apply, and turning a
//! gap into a measure that remembers where it came from.

use schemas::applicability::{ClassifiedLevel, Parameter, Subject, SubjectKind, LEVELS};
use schemas::carry_over::{self, NextAssessment};
use schemas::location::SubjectText;
use schemas::self_assessment::AreaNotApplicable;
use schemas::{Answer, Case, Date, Framework, ItemRef, MeasureOrigin, Rating, SelfAssessment};

use super::{
    board_mut, check_addressed, empty_measure, find_or_push, first_mut, next_measure_id,
    next_number, EditError,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssessmentEdit {
    /// Starts a new self-assessment of a board against a framework.
    Start {
        board: String,
        framework: Box<Framework>,
        title: String,
        today: Date,
    },
    /// Starts next year's assessment from `from`: its answers carried over and marked, its
    /// ratings kept or not, against `framework` (a later version) or the same framework.
    StartNext {
        from: String,
        framework: Option<Box<Framework>>,
        keep_ratings: bool,
        today: Date,
    },
    /// A carried-over answer still holds: it is no longer marked as carried over.
    ConfirmCarried {
        assessment: String,
        requirement: String,
    },
    Remove {
        assessment: String,
    },
    SetTitle {
        assessment: String,
        title: String,
    },
    /// Rates a question (or clears its rating). The first rating dates the answer `today`.
    Rate {
        assessment: String,
        requirement: String,
        rating: Option<Rating>,
        today: Date,
    },
    SetAnswer {
        assessment: String,
        requirement: String,
        field: AnswerField,
    },
    /// Assesses one asset (`Some`, with its name) or the whole board (`None`). Turning it
    /// back to the whole board keeps nothing of the asset; the page asks first.
    SetSubject {
        assessment: String,
        subject: Option<Subject>,
    },
    SetSubjectText {
        assessment: String,
        field: SubjectText,
        text: String,
    },
    SetSubjectKind {
        assessment: String,
        kind: SubjectKind,
    },
    /// Sets the level of one parameter (1–4), or clears it; its motivation is kept.
    Classify {
        assessment: String,
        parameter: Parameter,
        level: Option<u8>,
    },
    /// Marks a chapter "ej tillämplig" with one motivation (`Some`, also to change the
    /// motivation), or unmarks it (`None`); the answers inside stay either way.
    MarkAreaNotApplicable {
        assessment: String,
        area: String,
        motivation: Option<String>,
    },
    /// Makes a measure for the gap a question shows, answering `item`: a new measure of the
    /// follow-up when one is started, else a planned measure of the first yttrande.
    MeasureFromGap {
        assessment: String,
        requirement: String,
        item: ItemRef,
    },
    /// The same, for a gap of an assessment kept in another file: `origin` says where, `text`
    /// is the question's text.
    MeasureFromElsewhere {
        board: String,
        item: ItemRef,
        origin: MeasureOrigin,
        text: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerField {
    Comment(String),
    Evidence(String),
    AssessedBy(String),
    AssessedOn(Option<Date>),
}

pub(super) fn apply(case: &mut Case, change: AssessmentEdit) -> Result<(), EditError> {
    match change {
        AssessmentEdit::Start {
            board,
            framework,
            title,
            today,
        } => {
            board_mut(case, &board)?;
            if let Some(problem) = framework.problems().into_iter().next() {
                return Err(EditError::BadFramework(problem));
            }
            case.self_assessments.push(SelfAssessment {
                id: next_assessment_id(case),
                board,
                title,
                started: today,
                framework: *framework,
                answers: Vec::new(),
                subject: None,
                not_applicable_areas: Vec::new(),
                carried_from: None,
            });
        }
        AssessmentEdit::StartNext {
            from,
            framework,
            keep_ratings,
            today,
        } => {
            let earlier = assessment_mut(case, &from)?.clone();
            let framework = framework.map_or_else(|| earlier.framework.clone(), |f| *f);
            if let Some(problem) = framework.problems().into_iter().next() {
                return Err(EditError::BadFramework(problem));
            }
            let next = NextAssessment {
                id: next_assessment_id(case),
                title: next_title(&earlier, today),
                started: today,
                keep_ratings,
            };
            case.self_assessments
                .push(carry_over::next_from(&earlier, framework, next));
        }
        AssessmentEdit::ConfirmCarried {
            assessment,
            requirement,
        } => answer_mut(case, &assessment, &requirement)?.carried_over = false,
        AssessmentEdit::Remove { assessment } => {
            assessment_mut(case, &assessment)?;
            if let Some(board) = evidence_use(case, &assessment) {
                return Err(EditError::AssessmentIsEvidence { assessment, board });
            }
            case.self_assessments.retain(|a| a.id != assessment);
        }
        AssessmentEdit::SetTitle { assessment, title } => {
            assessment_mut(case, &assessment)?.title = title
        }
        AssessmentEdit::Rate {
            assessment,
            requirement,
            rating,
            today,
        } => {
            let answer = answer_mut(case, &assessment, &requirement)?;
            answer.rating = rating;
            // A rating given is the user's own, whatever was carried over.
            answer.carried_over = false;
            if answer.assessed_on.is_none() && rating.is_some() {
                answer.assessed_on = Some(today);
            }
        }
        AssessmentEdit::SetAnswer {
            assessment,
            requirement,
            field,
        } => {
            let answer = answer_mut(case, &assessment, &requirement)?;
            answer.carried_over = false;
            match field {
                AnswerField::Comment(text) => answer.comment = text,
                AnswerField::Evidence(text) => answer.evidence = text,
                AnswerField::AssessedBy(text) => answer.assessed_by = text,
                AnswerField::AssessedOn(date) => answer.assessed_on = date,
            }
        }
        AssessmentEdit::SetSubject {
            assessment,
            subject,
        } => assessment_mut(case, &assessment)?.subject = subject,
        AssessmentEdit::SetSubjectText {
            assessment,
            field,
            text,
        } => {
            let subject = subject_mut(case, &assessment)?;
            match field {
                SubjectText::Name => subject.name = text,
                SubjectText::OwnerRole => subject.owner_role = text,
                SubjectText::Description => subject.description = text,
                SubjectText::Motivation(parameter) => {
                    match subject.classification.slot(parameter) {
                        Some(classified) => classified.motivation = text,
                        None => return Err(EditError::Unclassified(parameter)),
                    }
                }
            }
        }
        AssessmentEdit::SetSubjectKind { assessment, kind } => {
            subject_mut(case, &assessment)?.kind = kind
        }
        AssessmentEdit::Classify {
            assessment,
            parameter,
            level,
        } => classify(subject_mut(case, &assessment)?, parameter, level)?,
        AssessmentEdit::MarkAreaNotApplicable {
            assessment,
            area,
            motivation,
        } => mark_area(assessment_mut(case, &assessment)?, area, motivation)?,
        AssessmentEdit::MeasureFromGap {
            assessment,
            requirement,
            item,
        } => measure_from_gap(case, &assessment, &requirement, item)?,
        AssessmentEdit::MeasureFromElsewhere {
            board,
            item,
            origin,
            text,
        } => measure_from_elsewhere(case, &board, item, origin, &text)?,
    }
    Ok(())
}

fn subject_mut<'a>(case: &'a mut Case, assessment: &str) -> Result<&'a mut Subject, EditError> {
    assessment_mut(case, assessment)?
        .subject
        .as_mut()
        .ok_or(EditError::NoSubject)
}

fn classify(
    subject: &mut Subject,
    parameter: Parameter,
    level: Option<u8>,
) -> Result<(), EditError> {
    let slot = subject.classification.slot(parameter);
    match level {
        Some(level) if !LEVELS.contains(&level) => return Err(EditError::BadLevel(level)),
        Some(level) => match slot {
            Some(classified) => classified.level = level,
            None => {
                *slot = Some(ClassifiedLevel {
                    level,
                    motivation: String::new(),
                })
            }
        },
        // A motivation already written is kept by refusing to drop it silently: the level
        // goes, and so does the motivation only when it is empty.
        None => match slot {
            Some(classified) if !classified.motivation.trim().is_empty() => {
                return Err(EditError::MotivationWouldBeLost(parameter))
            }
            _ => *slot = None,
        },
    }
    Ok(())
}

fn mark_area(
    assessment: &mut SelfAssessment,
    area: String,
    motivation: Option<String>,
) -> Result<(), EditError> {
    if assessment.framework.areas.iter().all(|a| a.id != area) {
        return Err(EditError::UnknownArea(area));
    }
    match motivation {
        Some(motivation) => {
            find_or_push(
                &mut assessment.not_applicable_areas,
                |marked| marked.area == area,
                || AreaNotApplicable {
                    area: area.clone(),
                    motivation: String::new(),
                },
            )
            .motivation = motivation
        }
        None => assessment
            .not_applicable_areas
            .retain(|marked| marked.area != area),
    }
    Ok(())
}

fn assessment_mut<'a>(case: &'a mut Case, id: &str) -> Result<&'a mut SelfAssessment, EditError> {
    case.self_assessments
        .iter_mut()
        .find(|assessment| assessment.id == id)
        .ok_or_else(|| EditError::UnknownAssessment(id.to_string()))
}

/// The answer to a question of the framework, created empty on its first change.
fn answer_mut<'a>(
    case: &'a mut Case,
    assessment: &str,
    requirement: &str,
) -> Result<&'a mut Answer, EditError> {
    let assessment = assessment_mut(case, assessment)?;
    if assessment.framework.requirement(requirement).is_none() {
        return Err(EditError::UnknownRequirement(requirement.to_string()));
    }
    Ok(find_or_push(
        &mut assessment.answers,
        |a| a.requirement == requirement,
        || Answer {
            requirement: requirement.to_string(),
            ..Answer::default()
        },
    ))
}

fn measure_from_gap(
    case: &mut Case,
    assessment: &str,
    requirement: &str,
    item: ItemRef,
) -> Result<(), EditError> {
    let (board, text) = {
        let found = assessment_mut(case, assessment)?;
        let (_, question) = found
            .framework
            .requirement(requirement)
            .ok_or_else(|| EditError::UnknownRequirement(requirement.to_string()))?;
        (found.board.clone(), question.text.clone())
    };
    check_addressed(case, &board, item)?;
    if let Some(existing) = case.measures_from(assessment, requirement).next() {
        return Err(EditError::GapHasMeasure {
            requirement: requirement.to_string(),
            measure: existing.id.clone(),
        });
    }
    let origin = MeasureOrigin {
        assessment: assessment.to_string(),
        requirement: requirement.to_string(),
        elsewhere: None,
    };
    push_gap_measure(case, &board, item, &text, origin)
}

/// A gap of an assessment kept in another file (self-assessments on their own) made a measure
/// of `board` here, answering `item`; refused when the same gap already made one.
fn measure_from_elsewhere(
    case: &mut Case,
    board: &str,
    item: ItemRef,
    origin: MeasureOrigin,
    text: &str,
) -> Result<(), EditError> {
    check_addressed(case, board, item)?;
    let same_gap = |found: &MeasureOrigin| {
        found.assessment == origin.assessment
            && found.requirement == origin.requirement
            && found.elsewhere.as_ref().map(|e| &e.case)
                == origin.elsewhere.as_ref().map(|e| &e.case)
    };
    if let Some((_, existing)) = case
        .measures_with_origin()
        .find(|(found, _)| same_gap(found))
    {
        return Err(EditError::GapHasMeasure {
            requirement: origin.requirement.clone(),
            measure: existing.id.clone(),
        });
    }
    push_gap_measure(case, board, item, text, origin)
}

/// The measure for a gap: a new measure of the follow-up when one is started, else a planned
/// measure of the first yttrande.
fn push_gap_measure(
    case: &mut Case,
    board: &str,
    item: ItemRef,
    text: &str,
    origin: MeasureOrigin,
) -> Result<(), EditError> {
    let follow_up = case
        .responses
        .iter_mut()
        .find(|response| response.board == board)
        .and_then(|response| response.follow_up.as_mut());
    let (measures, letter) = match follow_up {
        Some(follow_up) => (&mut follow_up.new_measures, 'N'),
        None => (&mut first_mut(case, board)?.measures, 'A'),
    };
    let mut measure = empty_measure(next_measure_id(letter, measures), item);
    measure.action = format!("Åtgärda brist i självskattningen: {}", text.trim());
    measure.origin = Some(origin);
    measures.push(measure);
    Ok(())
}

/// Every assessment id the case refers to: its assessments, and those a measure was made from
/// or a follow-up shows as evidence, which may have been removed since. A new assessment takes
/// none of them, so that no measure comes to name an assessment it was not made from.
/// The next free id, "S3": never one a measure or a follow-up still names.
fn next_assessment_id(case: &Case) -> String {
    let number = next_number(
        assessment_ids_in_use(case)
            .filter_map(|id| id.strip_prefix('S').and_then(|digits| digits.parse().ok())),
    );
    format!("S{number}")
}

/// Next year's title: last year's with the year changed ("Ekonomisystemet 2025" becomes
/// "Ekonomisystemet 2026"), or with this year added when it names none.
fn next_title(earlier: &SelfAssessment, today: Date) -> String {
    let title = match earlier.title.trim() {
        "" => earlier.framework.title.trim(),
        title => title,
    };
    let (then, now) = (earlier.started.year().to_string(), today.year().to_string());
    if title.contains(&then) && then != now {
        title.replace(&then, &now)
    } else {
        format!("{title} ({today})")
    }
}

fn assessment_ids_in_use(case: &Case) -> impl Iterator<Item = &str> {
    let evidence = case
        .responses
        .iter()
        .filter_map(|response| response.follow_up.as_ref()?.evidence.as_ref())
        .flat_map(|evidence| [evidence.earlier.as_str(), evidence.later.as_str()]);
    case.self_assessments
        .iter()
        .map(|assessment| assessment.id.as_str())
        .chain(
            case.measures_with_origin()
                .map(|(origin, _)| origin.assessment.as_str()),
        )
        .chain(evidence)
}

/// The name of a board whose uppföljande yttrande shows the assessment as evidence of effect.
fn evidence_use(case: &Case, assessment: &str) -> Option<String> {
    case.responses
        .iter()
        .find(|response| {
            response
                .follow_up
                .as_ref()
                .and_then(|follow_up| follow_up.evidence.as_ref())
                .is_some_and(|e| e.earlier == assessment || e.later == assessment)
        })
        .map(|response| {
            case.board(&response.board)
                .map_or(response.board.clone(), |board| board.name.clone())
        })
}

#[cfg(test)]
mod tests;
