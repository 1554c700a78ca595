//! The self-assessment (självskattning): a board rates itself against a framework, question by
//! question, and repeats it a year later. Scores per area and overall, progress kept apart from
//! the score, and the comparison of two assessments of the same framework.
//!
//! An assessment carries its framework, so it can always be read and compared as it was made,
//! even after the framework file has changed. Questions are matched across assessments by id.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::applicability::{self, Subject, Verdict};
use crate::date::Date;
use crate::framework::{Area, Framework, Requirement, NOT_APPLICABLE_SV};

/// Questions rated at or below this level are gaps: "Saknas" and "Påbörjat" on the default
/// scale. The page marks them and offers a measure; the report lists them.
pub const GAP_LEVEL: u8 = 1;

/// One self-assessment of one board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SelfAssessment {
    /// Stable within the case, e.g. "S1"; measures made from gaps refer to it.
    pub id: String,
    /// The id of the assessing board.
    pub board: String,
    /// E.g. "Självskattning 2026".
    #[serde(default)]
    pub title: String,
    pub started: Date,
    pub framework: Framework,
    /// One entry per question that has been touched; a missing entry is unanswered.
    #[serde(default)]
    pub answers: Vec<Answer>,
    /// What is assessed when it is one information asset, with its classification; `None`
    /// for the whole board or förvaltning. Requirements that apply only from a classification
    /// level are left out when the asset does not reach it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Subject>,
    /// Chapters marked "ej tillämplig" as a whole, each with one motivation. The answers inside
    /// are kept, so unmarking a chapter brings them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_applicable_areas: Vec<AreaNotApplicable>,
    /// The earlier assessment this one was started from, when it was (see `carry_over`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<CarriedFrom>,
}

/// Where an assessment started from: last year's, as it was then. Kept as written at the start,
/// so it still reads after the earlier assessment is removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CarriedFrom {
    /// The earlier assessment's id in the case.
    pub assessment: String,
    #[serde(default)]
    pub title: String,
    pub started: Date,
    /// Whether the ratings came along as a starting point (else only what was written).
    pub ratings_kept: bool,
    /// Requirements the earlier framework did not have.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new_requirements: Vec<String>,
    /// Requirements whose text or conditions changed since the earlier framework.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed_requirements: Vec<String>,
}

/// A chapter that does not apply, and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaNotApplicable {
    /// The area's id in the framework.
    pub area: String,
    pub motivation: String,
}

/// The answer to one question.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The requirement's id in the framework.
    pub requirement: String,
    #[serde(default)]
    pub rating: Option<Rating>,
    #[serde(default)]
    pub comment: String,
    /// What shows it: a document, a report, a decision.
    #[serde(default)]
    pub evidence: String,
    #[serde(default)]
    pub assessed_by: String,
    #[serde(default)]
    pub assessed_on: Option<Date>,
    /// Carried over from the earlier assessment and not yet confirmed or changed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carried_over: bool,
}

/// A level of the framework's scale, or "ej tillämplig".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Level(u8),
    NotApplicable,
}

impl CarriedFrom {
    /// The earlier assessment as the user named it, or its id.
    pub fn name(&self) -> &str {
        match self.title.trim() {
            "" => &self.assessment,
            title => title,
        }
    }
}

impl Answer {
    /// No rating and nothing written: a question opened and left.
    pub fn is_blank(&self) -> bool {
        self.rating.is_none()
            && [&self.comment, &self.evidence, &self.assessed_by]
                .iter()
                .all(|text| text.trim().is_empty())
    }
}

impl SelfAssessment {
    /// The assessment as the user named it, or its id.
    pub fn name(&self) -> &str {
        match self.title.trim() {
            "" => &self.id,
            title => title,
        }
    }

    pub fn answer(&self, requirement: &str) -> Option<&Answer> {
        self.answers
            .iter()
            .find(|answer| answer.requirement == requirement)
    }

    /// The rating given to the question itself, ignoring a chapter marked not applicable.
    pub fn own_rating(&self, requirement: &str) -> Option<Rating> {
        self.answer(requirement).and_then(|answer| answer.rating)
    }

    /// The rating that counts: "ej tillämplig" in a chapter marked so, else the question's own.
    pub fn rating(&self, requirement: &str) -> Option<Rating> {
        match self.framework.requirement(requirement) {
            Some((area, _)) => self.rating_in(area, requirement),
            None => self.own_rating(requirement),
        }
    }

    /// [`Self::rating`] when the question's area is known, without looking it up.
    pub fn rating_in(&self, area: &Area, requirement: &str) -> Option<Rating> {
        if self.area_not_applicable(&area.id).is_some() {
            Some(Rating::NotApplicable)
        } else {
            self.own_rating(requirement)
        }
    }

    /// The motivation of a chapter marked "ej tillämplig" as a whole.
    pub fn area_not_applicable(&self, area: &str) -> Option<&str> {
        self.not_applicable_areas
            .iter()
            .find(|marked| marked.area == area)
            .map(|marked| marked.motivation.as_str())
    }

    /// Whether a requirement applies to what is assessed, and why.
    pub fn verdict(&self, requirement: &Requirement) -> Verdict {
        applicability::verdict(&requirement.applies, self.subject.as_ref())
    }

    /// The requirements of an area that apply to what is assessed.
    pub fn in_scope<'a>(&'a self, area: &'a Area) -> impl Iterator<Item = &'a Requirement> + 'a {
        area.requirements
            .iter()
            .filter(move |requirement| self.verdict(requirement).applies())
    }

    /// Every requirement that applies, with its area, in framework order.
    pub fn requirements_in_scope(&self) -> impl Iterator<Item = (&Area, &Requirement)> {
        self.framework
            .areas
            .iter()
            .flat_map(move |area| self.in_scope(area).map(move |r| (area, r)))
    }

    /// How many requirements do not apply to the asset's classification.
    pub fn out_of_scope_count(&self) -> usize {
        self.framework.requirement_count() - self.requirements_in_scope().count()
    }

    /// "3 – Infört", "Ej tillämplig", or "Ej besvarad".
    pub fn rating_label(&self, requirement: &str) -> String {
        self.label_of(self.rating(requirement))
    }

    /// A rating in words on this framework's scale: "3 – Infört", "Ej tillämplig", "Ej besvarad".
    pub fn label_of(&self, rating: Option<Rating>) -> String {
        match rating {
            Some(Rating::Level(value)) => match self.framework.scale.label(value) {
                Some(label) => format!("{value} – {label}"),
                None => value.to_string(),
            },
            Some(Rating::NotApplicable) => NOT_APPLICABLE_SV.to_string(),
            None => "Ej besvarad".to_string(),
        }
    }

    /// The score of one area, over the requirements that apply.
    pub fn area_score(&self, area: &Area) -> Score {
        Score::of(
            self.in_scope(area).map(|r| self.rating_in(area, &r.id)),
            self.framework.scale.max(),
        )
    }

    /// The score over every question that applies.
    pub fn overall_score(&self) -> Score {
        Score::of(
            self.requirements_in_scope()
                .map(|(area, r)| self.rating_in(area, &r.id)),
            self.framework.scale.max(),
        )
    }

    /// Questions that apply and are rated at or below `level` (the gaps), in framework order.
    pub fn low_rated(&self, level: u8) -> Vec<&str> {
        self.requirements_in_scope()
            .filter(|(area, r)| {
                matches!(self.rating_in(area, &r.id), Some(Rating::Level(value)) if value <= level)
            })
            .map(|(_, r)| r.id.as_str())
            .collect()
    }

    /// The gaps: questions that apply and are rated at or below [`GAP_LEVEL`].
    pub fn gaps(&self) -> Vec<&str> {
        self.low_rated(GAP_LEVEL)
    }

    /// Questions that apply and have no rating, in framework order.
    pub fn unanswered(&self) -> Vec<&str> {
        self.requirements_in_scope()
            .filter(|(area, r)| self.rating_in(area, &r.id).is_none())
            .map(|(_, r)| r.id.as_str())
            .collect()
    }
}

/// Progress and score of a set of questions. Progress counts rated and not-applicable questions;
/// the score averages only rated levels: an unanswered question is never counted as done, and a
/// not-applicable one never pulls the score down.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    pub total: usize,
    /// Rated or marked not applicable.
    pub answered: usize,
    pub not_applicable: usize,
    /// Mean level of the rated questions; `None` when none is rated.
    pub mean: Option<f64>,
    /// The mean as a share of the scale's top level, 0–100.
    pub percent: Option<f64>,
}

impl Score {
    fn of(ratings: impl Iterator<Item = Option<Rating>>, max: u8) -> Score {
        let (mut total, mut answered, mut not_applicable, mut rated, mut sum) = (0, 0, 0, 0, 0u32);
        for rating in ratings {
            total += 1;
            match rating {
                Some(Rating::Level(value)) => {
                    answered += 1;
                    rated += 1;
                    sum += u32::from(value.min(max));
                }
                Some(Rating::NotApplicable) => {
                    answered += 1;
                    not_applicable += 1;
                }
                None => {}
            }
        }
        let mean = (rated > 0).then(|| f64::from(sum) / rated as f64);
        Score {
            total,
            answered,
            not_applicable,
            mean,
            percent: mean
                .filter(|_| max > 0)
                .map(|mean| mean / f64::from(max) * 100.0),
        }
    }

    /// The mean with a Swedish decimal comma, "2,5 av 4"; `None` when nothing is rated.
    pub fn mean_sv(&self, max: u8) -> Option<String> {
        self.mean
            .map(|mean| format!("{} av {max}", format!("{mean:.1}").replace('.', ",")))
    }

    /// "12 av 30 besvarade".
    pub fn progress_sv(&self) -> String {
        format!("{} av {} besvarade", self.answered, self.total)
    }
}

/// A rating in a table cell: the level's number, "Ej tillämplig", or "–" when unanswered.
pub fn rating_short_sv(rating: Option<Rating>) -> String {
    match rating {
        Some(Rating::Level(value)) => value.to_string(),
        Some(Rating::NotApplicable) => NOT_APPLICABLE_SV.to_string(),
        None => "–".to_string(),
    }
}

/// How a question or area moved between two assessments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Better,
    Worse,
    Unchanged,
    /// One side is unanswered or not applicable, so there is nothing to compare.
    NotComparable,
    /// Only in the later framework.
    New,
    /// Only in the earlier framework.
    Removed,
}

impl Change {
    pub fn label_sv(self) -> &'static str {
        match self {
            Change::Better => "Bättre",
            Change::Worse => "Sämre",
            Change::Unchanged => "Oförändrad",
            Change::NotComparable => "Kan inte jämföras",
            Change::New => "Ny fråga",
            Change::Removed => "Borttagen fråga",
        }
    }
}

/// One question in both assessments.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionChange {
    pub requirement: String,
    pub text: String,
    pub before: Option<Rating>,
    pub after: Option<Rating>,
    pub change: Change,
    /// The requirement's text differs between the two versions of the framework: the ratings
    /// are compared, but the question asked was not quite the same.
    pub text_changed: bool,
}

/// One area in both assessments; areas are matched by id.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaChange {
    pub area: String,
    pub title: String,
    pub before: Score,
    pub after: Score,
    pub change: Change,
    pub questions: Vec<QuestionChange>,
}

/// Two assessments of the same framework, area by area and question by question.
#[derive(Clone, Debug, PartialEq)]
pub struct AssessmentComparison {
    pub areas: Vec<AreaChange>,
    pub overall_before: Score,
    pub overall_after: Score,
    pub overall: Change,
}

impl AssessmentComparison {
    /// How many questions went each way: (better, worse, unchanged).
    pub fn counts(&self) -> (usize, usize, usize) {
        let changes = self
            .areas
            .iter()
            .flat_map(|a| &a.questions)
            .map(|q| q.change);
        changes.fold((0, 0, 0), |(b, w, u), change| match change {
            Change::Better => (b + 1, w, u),
            Change::Worse => (b, w + 1, u),
            Change::Unchanged => (b, w, u + 1),
            _ => (b, w, u),
        })
    }
}

/// Compares an earlier and a later assessment; `None` when they are of different frameworks.
/// Questions are matched by id, so a question added, removed or moved between versions of the
/// framework is reported as such instead of being compared with the wrong one.
pub fn compare(earlier: &SelfAssessment, later: &SelfAssessment) -> Option<AssessmentComparison> {
    if earlier.framework.id != later.framework.id {
        return None;
    }
    let mut areas: Vec<AreaChange> = later
        .framework
        .areas
        .iter()
        .map(|area| {
            let before_area = earlier.framework.areas.iter().find(|a| a.id == area.id);
            let mut questions: Vec<QuestionChange> = later
                .in_scope(area)
                .map(|r| {
                    let in_earlier = earlier.framework.requirement(&r.id);
                    // A rating that did not count then (outside the classification) is no
                    // "before" to compare with.
                    let before = in_earlier
                        .filter(|(_, old)| earlier.verdict(old).applies())
                        .and_then(|_| earlier.rating(&r.id));
                    let after = later.rating_in(area, &r.id);
                    let change = if in_earlier.is_some() {
                        rating_change(before, after)
                    } else {
                        Change::New
                    };
                    QuestionChange {
                        requirement: r.id.clone(),
                        text: r.text.clone(),
                        before,
                        after,
                        change,
                        text_changed: in_earlier.is_some_and(|(_, old)| old.text != r.text),
                    }
                })
                .collect();
            if let Some(before_area) = before_area {
                questions.extend(
                    before_area
                        .requirements
                        .iter()
                        .filter(|r| later.framework.requirement(&r.id).is_none())
                        .map(|r| QuestionChange {
                            requirement: r.id.clone(),
                            text: r.text.clone(),
                            before: earlier.rating(&r.id),
                            after: None,
                            change: Change::Removed,
                            text_changed: false,
                        }),
                );
            }
            let before = before_area.map_or_else(Score::default, |a| earlier.area_score(a));
            let after = later.area_score(area);
            AreaChange {
                area: area.id.clone(),
                title: area.title.clone(),
                before,
                after,
                change: score_change(before, after),
                questions,
            }
        })
        .collect();
    areas.extend(
        earlier
            .framework
            .areas
            .iter()
            .filter(|area| later.framework.areas.iter().all(|a| a.id != area.id))
            .map(|area| AreaChange {
                area: area.id.clone(),
                title: area.title.clone(),
                before: earlier.area_score(area),
                after: Score::default(),
                change: Change::Removed,
                questions: Vec::new(),
            }),
    );
    let (overall_before, overall_after) = (earlier.overall_score(), later.overall_score());
    Some(AssessmentComparison {
        areas,
        overall_before,
        overall_after,
        overall: score_change(overall_before, overall_after),
    })
}

/// Said when two assessments of the same framework are of different things, so a comparison
/// of two systems is never taken for a change over time.
pub fn different_subjects_sv(earlier: &SelfAssessment, later: &SelfAssessment) -> Option<String> {
    let name = |assessment: &SelfAssessment| match &assessment.subject {
        Some(subject) if !subject.name.trim().is_empty() => subject.name.trim().to_string(),
        Some(_) => "ett namnlöst objekt".to_string(),
        None => "hela nämnden".to_string(),
    };
    let (before, after) = (name(earlier), name(later));
    let classified = |a: &SelfAssessment| a.subject.as_ref().map(|s| s.classification.short_sv());
    if before != after {
        return Some(format!(
            "Obs: den tidigare självskattningen gäller {before}, den här gäller {after}. \
             Jämförelsen visar skillnaden mellan dem, inte en förändring över tid."
        ));
    }
    match (classified(earlier), classified(later)) {
        (Some(then), Some(now)) if then != now => Some(format!(
            "Obs: klassningen har ändrats från {then} till {now}; krav som bara gäller med den \
             ena klassningen kan inte jämföras."
        )),
        _ => None,
    }
}

fn rating_change(before: Option<Rating>, after: Option<Rating>) -> Change {
    match (before, after) {
        (Some(Rating::Level(b)), Some(Rating::Level(a))) => {
            level_change(f64::from(b), f64::from(a))
        }
        _ => Change::NotComparable,
    }
}

fn score_change(before: Score, after: Score) -> Change {
    match (before.mean, after.mean) {
        (Some(b), Some(a)) => level_change(b, a),
        _ => Change::NotComparable,
    }
}

/// Means closer than a hundredth of a level are equal: rounding must not invent a change.
fn level_change(before: f64, after: f64) -> Change {
    if (after - before).abs() < 0.01 {
        Change::Unchanged
    } else if after > before {
        Change::Better
    } else {
        Change::Worse
    }
}

/// The answers as CSV for a spreadsheet: one row per question, `;`-separated as Swedish
/// spreadsheets expect, UTF-8 with a byte order mark so Excel reads å, ä and ö, CRLF line ends.
/// The first five columns are those of a framework CSV, so the file can be imported again.
/// "Gäller" says whether the requirement applies to what is assessed, with the reason.
pub fn answers_csv(assessment: &SelfAssessment) -> String {
    let mut csv = String::from(
        "\u{feff}Område;Id;Text;Gäller från;Roller;Gäller;Betyg;Betyg i text;Kommentar;Belägg;\
         Bedömd av;Datum\r\n",
    );
    for (area, requirement) in assessment.framework.requirements() {
        let answer = assessment.answer(&requirement.id);
        let text = |pick: fn(&Answer) -> &str| answer.map_or("", pick).to_string();
        let verdict = assessment.verdict(requirement);
        let applies = match (verdict.applies(), verdict.reason()) {
            (true, None) => "Ja".to_string(),
            (true, Some(reason)) => format!("Ja: {reason}"),
            (false, reason) => format!("Nej: {}", reason.unwrap_or_default()),
        };
        let rating = match assessment.rating_in(area, &requirement.id) {
            Some(Rating::Level(value)) => value.to_string(),
            Some(Rating::NotApplicable) => "ET".to_string(),
            None => String::new(),
        };
        let fields = [
            area.title.clone(),
            requirement.id.clone(),
            requirement.text.clone(),
            requirement.applies.from_sv().replace(" eller ", ";"),
            requirement.applies.roles.join(";"),
            applies,
            rating,
            assessment.rating_label(&requirement.id),
            text(|a| &a.comment),
            text(|a| &a.evidence),
            text(|a| &a.assessed_by),
            answer
                .and_then(|a| a.assessed_on)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ];
        let row: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
        csv.push_str(&row.join(";"));
        csv.push_str("\r\n");
    }
    csv
}

/// Quotes a field that holds a separator, a quote or a line break (RFC 4180).
fn csv_field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests;
