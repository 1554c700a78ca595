//! Next year's self-assessment from last year's: the answers carried over and marked so until
//! the user confirms or changes them, the ratings kept or reset by choice, and what differs
//! between the two versions of the framework (requirements new, changed or removed), matched by
//! requirement id.

use crate::date::Date;
use crate::framework::{Framework, Requirement};
use crate::self_assessment::{Answer, CarriedFrom, SelfAssessment};
use crate::wording::count_sv;

/// What differs between two versions of a framework, requirement by requirement. Ids are in the
/// later framework's order (removed ones in the earlier's).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrameworkChanges {
    /// In the later version only.
    pub added: Vec<String>,
    /// In both, with another text or other conditions for when it applies.
    pub changed: Vec<String>,
    /// In the earlier version only.
    pub removed: Vec<String>,
}

impl FrameworkChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }

    /// "2 nya krav, 1 ändrat och 3 borttagna." or "Inga krav har ändrats."
    pub fn summary_sv(&self) -> String {
        let parts: Vec<String> = [
            (self.added.len(), "nytt krav", "nya krav"),
            (self.changed.len(), "ändrat", "ändrade"),
            (self.removed.len(), "borttaget", "borttagna"),
        ]
        .into_iter()
        .filter(|(count, _, _)| *count > 0)
        .map(|(count, one, many)| count_sv(count, one, many))
        .collect();
        match parts.as_slice() {
            [] => "Inga krav har tillkommit, ändrats eller tagits bort.".to_string(),
            [only] => format!("{only}."),
            [first @ .., last] => format!("{} och {last}.", first.join(", ")),
        }
    }
}

/// The requirements added, changed and removed from `earlier` to `later`.
pub fn framework_changes(earlier: &Framework, later: &Framework) -> FrameworkChanges {
    let mut changes = FrameworkChanges::default();
    for (_, requirement) in later.requirements() {
        match earlier.requirement(&requirement.id) {
            None => changes.added.push(requirement.id.clone()),
            Some((_, before)) if !same_requirement(before, requirement) => {
                changes.changed.push(requirement.id.clone())
            }
            Some(_) => {}
        }
    }
    changes.removed = earlier
        .requirements()
        .filter(|(_, requirement)| later.requirement(&requirement.id).is_none())
        .map(|(_, requirement)| requirement.id.clone())
        .collect();
    changes
}

/// The same question: the same words (spacing aside) and the same conditions. Guidance and
/// references may be reworded without the answer losing its meaning.
fn same_requirement(earlier: &Requirement, later: &Requirement) -> bool {
    words(&earlier.text) == words(&later.text) && earlier.applies == later.applies
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// The new assessment's own details.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextAssessment {
    pub id: String,
    pub title: String,
    pub started: Date,
    /// Keep the ratings as a starting point; otherwise only comments, evidence and who
    /// assessed come along and every question is rated anew.
    pub keep_ratings: bool,
}

/// Starts `next` from `earlier`, against `framework` (the same framework or a later version):
/// the asset and its classification, the chapters marked not applicable that still exist, and
/// every answer with something in it to a requirement that still exists, marked as carried
/// over. The day an answer was given is not carried: the new assessment has not given it yet.
pub fn next_from(
    earlier: &SelfAssessment,
    framework: Framework,
    next: NextAssessment,
) -> SelfAssessment {
    let changes = framework_changes(&earlier.framework, &framework);
    let answers = earlier
        .answers
        .iter()
        .filter(|answer| framework.requirement(&answer.requirement).is_some())
        .filter_map(|answer| carried(answer, next.keep_ratings))
        .collect();
    let not_applicable_areas = earlier
        .not_applicable_areas
        .iter()
        .filter(|marked| framework.areas.iter().any(|area| area.id == marked.area))
        .cloned()
        .collect();
    SelfAssessment {
        id: next.id,
        board: earlier.board.clone(),
        title: next.title,
        started: next.started,
        answers,
        subject: earlier.subject.clone(),
        not_applicable_areas,
        carried_from: Some(CarriedFrom {
            assessment: earlier.id.clone(),
            title: earlier.title.clone(),
            started: earlier.started,
            ratings_kept: next.keep_ratings,
            new_requirements: changes.added,
            changed_requirements: changes.changed,
        }),
        framework,
    }
}

/// An answer as it starts next year; `None` when nothing of it comes along.
fn carried(answer: &Answer, keep_rating: bool) -> Option<Answer> {
    let carried = Answer {
        requirement: answer.requirement.clone(),
        rating: answer.rating.filter(|_| keep_rating),
        comment: answer.comment.clone(),
        evidence: answer.evidence.clone(),
        assessed_by: answer.assessed_by.clone(),
        assessed_on: None,
        carried_over: true,
    };
    (!carried.is_blank()).then_some(carried)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::applicability::{Applicability, Parameter, Threshold};
    use crate::framework::Area;
    use crate::self_assessment::{AreaNotApplicable, Rating};

    fn requirement(id: &str, text: &str) -> Requirement {
        Requirement {
            id: id.into(),
            text: text.into(),
            guidance: String::new(),
            reference: String::new(),
            applies: Applicability::default(),
        }
    }

    fn framework(version: &str, requirements: Vec<Requirement>) -> Framework {
        let mut framework = Framework::new("riktlinje", "Riktlinje");
        framework.version = version.into();
        framework.areas.push(Area {
            id: "styrning".into(),
            title: "Styrning".into(),
            description: String::new(),
            requirements,
        });
        framework
    }

    fn version_one() -> Framework {
        framework(
            "2025",
            vec![
                requirement("1.1", "Det finns en policy."),
                requirement("1.2", "Policyn följs upp årligen."),
                requirement("1.3", "Loggar granskas."),
            ],
        )
    }

    fn version_two() -> Framework {
        let mut encrypted = requirement("1.4", "Information krypteras vid överföring.");
        encrypted.applies.from.push(Threshold {
            parameter: Parameter::Konfidentialitet,
            level: 2,
        });
        framework(
            "2026",
            vec![
                requirement("1.1", "Det finns  en policy."),
                requirement("1.2", "Policyn följs upp varje halvår."),
                encrypted,
            ],
        )
    }

    fn answered(requirement: &str, rating: u8, comment: &str) -> Answer {
        Answer {
            requirement: requirement.into(),
            rating: Some(Rating::Level(rating)),
            comment: comment.into(),
            assessed_on: Some(Date::from_ymd(2025, 3, 1).expect("date")),
            ..Answer::default()
        }
    }

    fn last_year() -> SelfAssessment {
        SelfAssessment {
            id: "S1".into(),
            board: "ks".into(),
            title: "Självskattning 2025".into(),
            started: Date::from_ymd(2025, 2, 1).expect("date"),
            framework: version_one(),
            answers: vec![
                answered("1.1", 3, "Antagen av nämnden"),
                answered("1.2", 1, ""),
                answered("1.3", 2, "Stickprov"),
                Answer {
                    requirement: "1.9".into(),
                    ..Answer::default()
                },
            ],
            subject: None,
            not_applicable_areas: vec![AreaNotApplicable {
                area: "styrning".into(),
                motivation: "Sköts av kommunstyrelsen".into(),
            }],
            carried_from: None,
        }
    }

    fn next(keep_ratings: bool) -> NextAssessment {
        NextAssessment {
            id: "S2".into(),
            title: "Självskattning 2026".into(),
            started: Date::from_ymd(2026, 2, 1).expect("date"),
            keep_ratings,
        }
    }

    #[test]
    fn versions_are_compared_requirement_by_requirement() {
        let changes = framework_changes(&version_one(), &version_two());
        assert_eq!(changes.added, ["1.4"]);
        assert_eq!(
            changes.changed,
            ["1.2"],
            "spacing is no change; new words are"
        );
        assert_eq!(changes.removed, ["1.3"]);
        assert_eq!(
            changes.summary_sv(),
            "1 nytt krav, 1 ändrat och 1 borttaget."
        );
        let same = framework_changes(&version_one(), &version_one());
        assert!(same.is_empty());
        assert_eq!(
            same.summary_sv(),
            "Inga krav har tillkommit, ändrats eller tagits bort."
        );
    }

    #[test]
    fn answers_are_carried_over_marked_with_ratings_kept_or_reset() {
        let kept = next_from(&last_year(), version_two(), next(true));
        assert_eq!(kept.id, "S2");
        let ids: Vec<&str> = kept
            .answers
            .iter()
            .map(|a| a.requirement.as_str())
            .collect();
        assert_eq!(ids, ["1.1", "1.2"], "removed and blank answers stay behind");
        assert!(kept.answers.iter().all(|answer| answer.carried_over));
        assert!(kept
            .answers
            .iter()
            .all(|answer| answer.assessed_on.is_none()));
        assert_eq!(kept.own_rating("1.1"), Some(Rating::Level(3)));
        assert_eq!(kept.not_applicable_areas, last_year().not_applicable_areas);
        let from = kept.carried_from.as_ref().expect("carried from");
        assert_eq!(
            (from.assessment.as_str(), from.new_requirements.as_slice()),
            ("S1", ["1.4".to_string()].as_slice())
        );
        assert_eq!(from.changed_requirements, ["1.2"]);

        let reset = next_from(&last_year(), version_two(), next(false));
        let ids: Vec<&str> = reset
            .answers
            .iter()
            .map(|a| a.requirement.as_str())
            .collect();
        assert_eq!(
            ids,
            ["1.1"],
            "an answer that was only a rating has nothing left"
        );
        assert_eq!(reset.own_rating("1.1"), None);
        assert_eq!(
            reset.answer("1.1").expect("kept").comment,
            "Antagen av nämnden"
        );
    }
}
