//! Where a field of a case is. Validation reports each finding at a `Location`, Granska maps a
//! location to the page and field where it is fixed, and `every_text` lists the case's texts
//! with theirs. `Display` gives the path as it reads in the case file, e.g.
//! `responses[0].first.measures[2].done_by`; nothing parses it back.

use std::fmt;

use crate::model::{Case, ItemKind, Measure, Signatory};

/// A field (or a part made of fields) of one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    Organisation,
    Audit(AuditField),
    /// An audit question, by position.
    Question {
        index: usize,
        field: QuestionField,
    },
    /// An assessment or recommendation of the report, by position in its list.
    Item {
        kind: ItemKind,
        index: usize,
        field: ItemField,
    },
    /// The list of boards as a whole (e.g. when there is none).
    Boards,
    Board {
        index: usize,
        field: BoardField,
    },
    /// The responses as a whole (e.g. a board that has not begun).
    Responses,
    /// A board's response as a whole, or the board it names.
    Response {
        index: usize,
        field: ResponseField,
    },
    /// A field of a board's första yttrande.
    First {
        response: usize,
        field: FirstField,
    },
    /// A field of a board's uppföljande yttrande.
    FollowUp {
        response: usize,
        field: FollowUpField,
    },
    /// A field of a self-assessment.
    Assessment {
        index: usize,
        field: AssessmentField,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditField {
    Reference,
    Title,
    Auditor,
    PerformedBy,
    ReportDate,
    MissivDate,
    Conclusion,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionField {
    Whole,
    Number,
    Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemField {
    Whole,
    Number,
    Text,
    Section,
    Addressees,
    /// One addressee, by position in the list.
    Addressee(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoardField {
    Whole,
    Id,
    Name,
    Diarienummer,
    FirstDeadline,
    FollowUpDeadline,
    FollowUpPeriod,
    SendTo,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResponseField {
    Board,
    /// The första yttrande as a whole (e.g. when it was never begun).
    First,
    /// The uppföljande yttrande as a whole.
    FollowUp,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FirstField {
    Date,
    Summary,
    /// The stances as a whole (e.g. an item left unanswered).
    Answers,
    /// The stance on one item, by position in the list of stances.
    Answer {
        index: usize,
        field: AnswerField,
    },
    Measure {
        index: usize,
        field: MeasureField,
    },
    Signatory {
        index: usize,
        field: PersonField,
    },
    CoverNote(CoverNoteField),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerField {
    Item,
    Stance,
    Motivation,
    NoMeasureReason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeasureField {
    Id,
    Action,
    ExpectedEffect,
    DoneBy,
    Responsible,
    /// The items the measure answers, as a whole.
    Items,
    /// One item the measure answers, by position.
    Item(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonField {
    Name,
    Title,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoverNoteField {
    Office,
    Author(PersonField),
    AuthorEmail,
    ProposedBy,
    MeetingBody(usize),
    Responsible { index: usize, field: PersonField },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FollowUpField {
    Date,
    Summary,
    /// The outcomes as a whole (e.g. an item without a completed measure).
    Outcomes,
    /// What became of one measure, by the measure's id.
    Outcome {
        measure: String,
        field: OutcomeField,
    },
    NewMeasure {
        index: usize,
        field: MeasureField,
    },
    Signatory {
        index: usize,
        field: PersonField,
    },
    CoverNote(CoverNoteField),
    Evidence,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutcomeField {
    Status,
    DoneOn,
    WhatWasDone,
    AchievedEffect,
    NewDoneBy,
    Reason,
    ReplacedBy,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssessmentField {
    Title,
    /// A text of the framework the assessment carries (its questions, as imported).
    Framework(FrameworkText),
    /// A field of the answer to one question, by position in the list of answers.
    Answer {
        index: usize,
        field: AssessmentAnswerField,
    },
    /// A text about the asset assessed.
    Subject(SubjectText),
    /// The motivation of a chapter marked not applicable, by position in that list.
    AreaMotivation(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubjectText {
    Name,
    OwnerRole,
    Description,
    Motivation(crate::applicability::Parameter),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameworkText {
    Title,
    Version,
    Source,
    ScaleLabel(usize),
    ScaleDescription(usize),
    AreaTitle(usize),
    AreaDescription(usize),
    Requirement {
        area: usize,
        index: usize,
        field: RequirementText,
    },
    /// A role a requirement names, by position.
    Role {
        area: usize,
        index: usize,
        role: usize,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequirementText {
    Text,
    Guidance,
    Reference,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssessmentAnswerField {
    Comment,
    Evidence,
    AssessedBy,
}

impl Location {
    /// The position of the response the location is in, for locations inside a board's
    /// response.
    pub fn response(&self) -> Option<usize> {
        match self {
            Location::Response { index, .. } => Some(*index),
            Location::First { response, .. } | Location::FollowUp { response, .. } => {
                Some(*response)
            }
            _ => None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Organisation => write!(f, "organisation"),
            Location::Audit(field) => write!(f, "audit.{}", field.key()),
            Location::Question { index, field } => {
                write!(f, "audit.questions[{index}]")?;
                match field {
                    QuestionField::Whole => Ok(()),
                    QuestionField::Number => write!(f, ".number"),
                    QuestionField::Text => write!(f, ".text"),
                }
            }
            Location::Item { kind, index, field } => {
                let list = match kind {
                    ItemKind::Assessment => "assessments",
                    ItemKind::Recommendation => "recommendations",
                };
                write!(f, "audit.{list}[{index}]")?;
                match field {
                    ItemField::Whole => Ok(()),
                    ItemField::Number => write!(f, ".number"),
                    ItemField::Text => write!(f, ".text"),
                    ItemField::Section => write!(f, ".section"),
                    ItemField::Addressees => write!(f, ".addressees"),
                    ItemField::Addressee(at) => write!(f, ".addressees[{at}]"),
                }
            }
            Location::Boards => write!(f, "boards"),
            Location::Board { index, field } => {
                write!(f, "boards[{index}]")?;
                match field.key() {
                    "" => Ok(()),
                    key => write!(f, ".{key}"),
                }
            }
            Location::Responses => write!(f, "responses"),
            Location::Response { index, field } => {
                let key = match field {
                    ResponseField::Board => "board",
                    ResponseField::First => "first",
                    ResponseField::FollowUp => "follow_up",
                };
                write!(f, "responses[{index}].{key}")
            }
            Location::First { response, field } => {
                write!(f, "responses[{response}].first.{field}")
            }
            Location::FollowUp { response, field } => {
                write!(f, "responses[{response}].follow_up.{field}")
            }
            Location::Assessment { index, field } => {
                write!(f, "self_assessments[{index}].{field}")
            }
        }
    }
}

impl AuditField {
    fn key(self) -> &'static str {
        match self {
            AuditField::Reference => "reference",
            AuditField::Title => "title",
            AuditField::Auditor => "auditor",
            AuditField::PerformedBy => "performed_by",
            AuditField::ReportDate => "report_date",
            AuditField::MissivDate => "missiv_date",
            AuditField::Conclusion => "conclusion",
        }
    }
}

impl BoardField {
    fn key(self) -> &'static str {
        match self {
            BoardField::Whole => "",
            BoardField::Id => "id",
            BoardField::Name => "name",
            BoardField::Diarienummer => "diarienummer",
            BoardField::FirstDeadline => "first_deadline",
            BoardField::FollowUpDeadline => "follow_up_deadline",
            BoardField::FollowUpPeriod => "follow_up_period",
            BoardField::SendTo => "send_to",
        }
    }
}

impl fmt::Display for FirstField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FirstField::Date => write!(f, "date"),
            FirstField::Summary => write!(f, "summary"),
            FirstField::Answers => write!(f, "answers"),
            FirstField::Answer { index, field } => {
                let key = match field {
                    AnswerField::Item => "item",
                    AnswerField::Stance => "stance",
                    AnswerField::Motivation => "motivation",
                    AnswerField::NoMeasureReason => "no_measure_reason",
                };
                write!(f, "answers[{index}].{key}")
            }
            FirstField::Measure { index, field } => write!(f, "measures[{index}]{field}"),
            FirstField::Signatory { index, field } => write!(f, "signatories[{index}].{field}"),
            FirstField::CoverNote(field) => write!(f, "cover_note.{field}"),
        }
    }
}

impl fmt::Display for FollowUpField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FollowUpField::Date => write!(f, "date"),
            FollowUpField::Summary => write!(f, "summary"),
            FollowUpField::Outcomes => write!(f, "outcomes"),
            FollowUpField::Outcome { measure, field } => {
                let key = match field {
                    OutcomeField::Status => "status",
                    OutcomeField::DoneOn => "done_on",
                    OutcomeField::WhatWasDone => "what_was_done",
                    OutcomeField::AchievedEffect => "achieved_effect",
                    OutcomeField::NewDoneBy => "new_done_by",
                    OutcomeField::Reason => "reason",
                    OutcomeField::ReplacedBy => "replaced_by",
                };
                write!(f, "outcomes[{measure}].{key}")
            }
            FollowUpField::NewMeasure { index, field } => {
                write!(f, "new_measures[{index}]{field}")
            }
            FollowUpField::Signatory { index, field } => {
                write!(f, "signatories[{index}].{field}")
            }
            FollowUpField::CoverNote(field) => write!(f, "cover_note.{field}"),
            FollowUpField::Evidence => write!(f, "evidence"),
        }
    }
}

/// A measure's field, written with its leading dot (a measure's list of items has an index).
impl fmt::Display for MeasureField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MeasureField::Id => write!(f, ".id"),
            MeasureField::Action => write!(f, ".action"),
            MeasureField::ExpectedEffect => write!(f, ".expected_effect"),
            MeasureField::DoneBy => write!(f, ".done_by"),
            MeasureField::Responsible => write!(f, ".responsible"),
            MeasureField::Items => write!(f, ".items"),
            MeasureField::Item(at) => write!(f, ".items[{at}]"),
        }
    }
}

impl fmt::Display for PersonField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PersonField::Name => write!(f, "name"),
            PersonField::Title => write!(f, "title"),
        }
    }
}

impl fmt::Display for CoverNoteField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoverNoteField::Office => write!(f, "office"),
            CoverNoteField::Author(field) => write!(f, "author.{field}"),
            CoverNoteField::AuthorEmail => write!(f, "author_email"),
            CoverNoteField::ProposedBy => write!(f, "proposed_by"),
            CoverNoteField::MeetingBody(index) => write!(f, "meetings[{index}].body"),
            CoverNoteField::Responsible { index, field } => {
                write!(f, "responsible[{index}].{field}")
            }
        }
    }
}

impl fmt::Display for AssessmentField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssessmentField::Title => write!(f, "title"),
            AssessmentField::Framework(text) => write!(f, "framework.{text}"),
            AssessmentField::Answer { index, field } => {
                let key = match field {
                    AssessmentAnswerField::Comment => "comment",
                    AssessmentAnswerField::Evidence => "evidence",
                    AssessmentAnswerField::AssessedBy => "assessed_by",
                };
                write!(f, "answers[{index}].{key}")
            }
            AssessmentField::Subject(text) => match text {
                SubjectText::Name => write!(f, "subject.name"),
                SubjectText::OwnerRole => write!(f, "subject.owner_role"),
                SubjectText::Description => write!(f, "subject.description"),
                SubjectText::Motivation(parameter) => {
                    let key = serde_json::to_value(parameter)
                        .ok()
                        .and_then(|value| value.as_str().map(str::to_string))
                        .unwrap_or_default();
                    write!(f, "subject.classification.{key}.motivation")
                }
            },
            AssessmentField::AreaMotivation(index) => {
                write!(f, "not_applicable_areas[{index}].motivation")
            }
        }
    }
}

impl fmt::Display for FrameworkText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameworkText::Title => write!(f, "title"),
            FrameworkText::Version => write!(f, "version"),
            FrameworkText::Source => write!(f, "source"),
            FrameworkText::ScaleLabel(index) => write!(f, "scale.levels[{index}].label"),
            FrameworkText::ScaleDescription(index) => {
                write!(f, "scale.levels[{index}].description")
            }
            FrameworkText::AreaTitle(index) => write!(f, "areas[{index}].title"),
            FrameworkText::AreaDescription(index) => write!(f, "areas[{index}].description"),
            FrameworkText::Requirement { area, index, field } => {
                let key = match field {
                    RequirementText::Text => "text",
                    RequirementText::Guidance => "guidance",
                    RequirementText::Reference => "reference",
                };
                write!(f, "areas[{area}].requirements[{index}].{key}")
            }
            FrameworkText::Role { area, index, role } => {
                write!(
                    f,
                    "areas[{area}].requirements[{index}].applies.roles[{role}]"
                )
            }
        }
    }
}

/// Every free text of the case that a person typed, pasted or imported, with its location, in
/// the order of the case file. Ids, dates and keys are left out: Yttra makes them. A field added
/// to the case format must be added here (the destructuring below fails to compile until it
/// is), so that checks over every text (unshowable characters) see it.
pub fn every_text(case: &Case) -> Vec<(Location, &str)> {
    let Case {
        format: _,
        format_version: _,
        id: _,
        kind: _,
        organisation,
        audit,
        boards,
        responses,
        self_assessments,
    } = case;
    let mut texts = vec![(Location::Organisation, organisation.as_str())];
    for (field, text) in [
        (AuditField::Reference, &audit.reference),
        (AuditField::Title, &audit.title),
        (AuditField::Auditor, &audit.auditor),
        (AuditField::PerformedBy, &audit.performed_by),
        (AuditField::Conclusion, &audit.conclusion),
    ] {
        texts.push((Location::Audit(field), text.as_str()));
    }
    for (index, question) in audit.questions.iter().enumerate() {
        let field = QuestionField::Text;
        texts.push((Location::Question { index, field }, &question.text));
    }
    for kind in [ItemKind::Assessment, ItemKind::Recommendation] {
        for (index, item) in audit.items(kind).iter().enumerate() {
            for (field, text) in [
                (ItemField::Text, &item.text),
                (ItemField::Section, &item.section),
            ] {
                texts.push((Location::Item { kind, index, field }, text.as_str()));
            }
        }
    }
    for (index, board) in boards.iter().enumerate() {
        for (field, text) in [
            (BoardField::Name, &board.name),
            (BoardField::Diarienummer, &board.diarienummer),
            (BoardField::SendTo, &board.send_to),
        ] {
            texts.push((Location::Board { index, field }, text.as_str()));
        }
    }
    for (response, answer) in responses.iter().enumerate() {
        first_texts(response, answer, &mut texts);
        follow_up_texts(response, answer, &mut texts);
    }
    for (index, assessment) in self_assessments.iter().enumerate() {
        assessment_texts(index, assessment, &mut texts);
    }
    texts
}

fn first_texts<'a>(
    response: usize,
    answer: &'a crate::model::BoardResponse,
    texts: &mut Vec<(Location, &'a str)>,
) {
    let first = &answer.first;
    let at = |field| Location::First { response, field };
    texts.push((at(FirstField::Summary), &first.summary));
    for (index, stance) in first.answers.iter().enumerate() {
        for (field, text) in [
            (AnswerField::Motivation, &stance.motivation),
            (AnswerField::NoMeasureReason, &stance.no_measure_reason),
        ] {
            texts.push((at(FirstField::Answer { index, field }), text.as_str()));
        }
    }
    push_each(texts, &first.measures, measure_texts, |index, field| {
        at(FirstField::Measure { index, field })
    });
    push_each(texts, &first.signatories, person_texts, |index, field| {
        at(FirstField::Signatory { index, field })
    });
    for (field, text) in cover_note_texts(&first.cover_note) {
        texts.push((at(FirstField::CoverNote(field)), text));
    }
}

fn follow_up_texts<'a>(
    response: usize,
    answer: &'a crate::model::BoardResponse,
    texts: &mut Vec<(Location, &'a str)>,
) {
    let Some(follow_up) = &answer.follow_up else {
        return;
    };
    let at = |field| Location::FollowUp { response, field };
    texts.push((at(FollowUpField::Summary), &follow_up.summary));
    for outcome in &follow_up.outcomes {
        for (field, text) in [
            (OutcomeField::WhatWasDone, &outcome.what_was_done),
            (OutcomeField::AchievedEffect, &outcome.achieved_effect),
            (OutcomeField::Reason, &outcome.reason),
        ] {
            let measure = outcome.measure.clone();
            texts.push((at(FollowUpField::Outcome { measure, field }), text.as_str()));
        }
    }
    push_each(
        texts,
        &follow_up.new_measures,
        measure_texts,
        |index, field| at(FollowUpField::NewMeasure { index, field }),
    );
    push_each(
        texts,
        &follow_up.signatories,
        person_texts,
        |index, field| at(FollowUpField::Signatory { index, field }),
    );
    for (field, text) in cover_note_texts(&follow_up.cover_note) {
        texts.push((at(FollowUpField::CoverNote(field)), text));
    }
}

/// The texts of every element of a list (measures, people), each at `at(position, field)`.
fn push_each<'a, T, F, const N: usize>(
    texts: &mut Vec<(Location, &'a str)>,
    list: &'a [T],
    fields: fn(&'a T) -> [(F, &'a str); N],
    at: impl Fn(usize, F) -> Location,
) {
    for (index, element) in list.iter().enumerate() {
        for (field, text) in fields(element) {
            texts.push((at(index, field), text));
        }
    }
}

fn measure_texts(measure: &Measure) -> [(MeasureField, &str); 3] {
    [
        (MeasureField::Action, &measure.action),
        (MeasureField::ExpectedEffect, &measure.expected_effect),
        (MeasureField::Responsible, &measure.responsible),
    ]
}

fn person_texts(person: &Signatory) -> [(PersonField, &str); 2] {
    [
        (PersonField::Name, &person.name),
        (PersonField::Title, &person.title),
    ]
}

fn cover_note_texts(note: &crate::follow_up::CoverNote) -> Vec<(CoverNoteField, &str)> {
    let mut texts = vec![
        (CoverNoteField::Office, note.office.as_str()),
        (CoverNoteField::Author(PersonField::Name), &note.author.name),
        (
            CoverNoteField::Author(PersonField::Title),
            &note.author.title,
        ),
        (CoverNoteField::AuthorEmail, &note.author_email),
        (CoverNoteField::ProposedBy, &note.proposed_by),
    ];
    for (index, meeting) in note.meetings.iter().enumerate() {
        texts.push((CoverNoteField::MeetingBody(index), &meeting.body));
    }
    for (index, person) in note.responsible.iter().enumerate() {
        for (field, text) in person_texts(person) {
            texts.push((CoverNoteField::Responsible { index, field }, text));
        }
    }
    texts
}

fn assessment_texts<'a>(
    index: usize,
    assessment: &'a crate::self_assessment::SelfAssessment,
    texts: &mut Vec<(Location, &'a str)>,
) {
    let at = |field| Location::Assessment { index, field };
    texts.push((at(AssessmentField::Title), &assessment.title));
    let framework = &assessment.framework;
    let mut framework_texts = vec![
        (FrameworkText::Title, framework.title.as_str()),
        (FrameworkText::Version, &framework.version),
        (FrameworkText::Source, &framework.source),
    ];
    for (level, scale) in framework.scale.levels.iter().enumerate() {
        framework_texts.push((FrameworkText::ScaleLabel(level), &scale.label));
        framework_texts.push((FrameworkText::ScaleDescription(level), &scale.description));
    }
    for (area_index, area) in framework.areas.iter().enumerate() {
        framework_texts.push((FrameworkText::AreaTitle(area_index), &area.title));
        framework_texts.push((
            FrameworkText::AreaDescription(area_index),
            &area.description,
        ));
        for (requirement, question) in area.requirements.iter().enumerate() {
            for (field, text) in [
                (RequirementText::Text, &question.text),
                (RequirementText::Guidance, &question.guidance),
                (RequirementText::Reference, &question.reference),
            ] {
                let part = FrameworkText::Requirement {
                    area: area_index,
                    index: requirement,
                    field,
                };
                framework_texts.push((part, text.as_str()));
            }
            for (role, name) in question.applies.roles.iter().enumerate() {
                let part = FrameworkText::Role {
                    area: area_index,
                    index: requirement,
                    role,
                };
                framework_texts.push((part, name.as_str()));
            }
        }
    }
    for (text_at, text) in framework_texts {
        texts.push((at(AssessmentField::Framework(text_at)), text));
    }
    for (answer_index, answer) in assessment.answers.iter().enumerate() {
        for (field, text) in [
            (AssessmentAnswerField::Comment, &answer.comment),
            (AssessmentAnswerField::Evidence, &answer.evidence),
            (AssessmentAnswerField::AssessedBy, &answer.assessed_by),
        ] {
            let field = AssessmentField::Answer {
                index: answer_index,
                field,
            };
            texts.push((at(field), text.as_str()));
        }
    }
    if let Some(subject) = &assessment.subject {
        for (field, text) in [
            (SubjectText::Name, &subject.name),
            (SubjectText::OwnerRole, &subject.owner_role),
            (SubjectText::Description, &subject.description),
        ] {
            texts.push((at(AssessmentField::Subject(field)), text.as_str()));
        }
        for parameter in crate::applicability::Parameter::ALL {
            if let Some(classified) = subject.classification.get(parameter) {
                let field = AssessmentField::Subject(SubjectText::Motivation(parameter));
                texts.push((at(field), classified.motivation.as_str()));
            }
        }
    }
    for (marked, area) in assessment.not_applicable_areas.iter().enumerate() {
        texts.push((
            at(AssessmentField::AreaMotivation(marked)),
            area.motivation.as_str(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_location_reads_as_its_path_in_the_case_file() {
        let cases = [
            (Location::Audit(AuditField::MissivDate), "audit.missiv_date"),
            (
                Location::Item {
                    kind: ItemKind::Recommendation,
                    index: 2,
                    field: ItemField::Addressee(0),
                },
                "audit.recommendations[2].addressees[0]",
            ),
            (
                Location::Board {
                    index: 1,
                    field: BoardField::Whole,
                },
                "boards[1]",
            ),
            (
                Location::First {
                    response: 0,
                    field: FirstField::Measure {
                        index: 2,
                        field: MeasureField::DoneBy,
                    },
                },
                "responses[0].first.measures[2].done_by",
            ),
            (
                Location::FollowUp {
                    response: 1,
                    field: FollowUpField::Outcome {
                        measure: "A3".into(),
                        field: OutcomeField::Reason,
                    },
                },
                "responses[1].follow_up.outcomes[A3].reason",
            ),
            (
                Location::Assessment {
                    index: 0,
                    field: AssessmentField::Framework(FrameworkText::Requirement {
                        area: 1,
                        index: 3,
                        field: RequirementText::Guidance,
                    }),
                },
                "self_assessments[0].framework.areas[1].requirements[3].guidance",
            ),
        ];
        for (location, path) in cases {
            assert_eq!(location.to_string(), path);
        }
    }

    #[test]
    fn every_text_of_the_examples_is_listed_once_with_its_place() {
        let case = crate::load_case(include_str!("../../examples/it-sakerhet-uppfoljning.json"))
            .expect("example");
        let texts = every_text(&case);
        let paths: Vec<String> = texts.iter().map(|(at, _)| at.to_string()).collect();
        let unique: std::collections::HashSet<&String> = paths.iter().collect();
        assert_eq!(unique.len(), paths.len(), "no place twice");
        let find = |path: &str| texts.iter().find(|(at, _)| at.to_string() == path);
        assert_eq!(
            find("audit.title").map(|(_, text)| *text),
            Some(case.audit.title.as_str())
        );
        assert!(find("responses[1].follow_up.outcomes[A1].achieved_effect").is_some());
        assert!(find("self_assessments[1].answers[0].comment").is_some());
    }
}
