//! A gap in self-assessments kept on their own, made into a measure of an audit case: the gap is
//! held while the audit case opens, then placed under the assessment or recommendation the user
//! picks there. The measure remembers where it came from (`MeasureOrigin::elsewhere`), as the
//! register read at that moment.

use schemas::{Case, MeasureOrigin, OriginElsewhere, SelfAssessment};

/// A gap on its way to an audit case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingGap {
    /// The audit case's id and title.
    pub target_case: String,
    pub target_title: String,
    pub origin: MeasureOrigin,
    /// The question's text, which the measure's action starts from.
    pub text: String,
}

impl PendingGap {
    /// The gap of `requirement` in `assessment` of `register`, for the case `target_case`.
    pub fn of(
        register: &Case,
        assessment: &SelfAssessment,
        requirement: &str,
        target_case: &str,
        target_title: &str,
    ) -> Option<PendingGap> {
        let (_, question) = assessment.framework.requirement(requirement)?;
        Some(PendingGap {
            target_case: target_case.to_string(),
            target_title: target_title.to_string(),
            origin: MeasureOrigin {
                assessment: assessment.id.clone(),
                requirement: requirement.to_string(),
                elsewhere: Some(OriginElsewhere {
                    case: register.id.clone(),
                    name: register.audit.title.trim().to_string(),
                    assessment_title: assessment.title.trim().to_string(),
                    framework_title: assessment.framework.title.trim().to_string(),
                }),
            },
            text: question.text.clone(),
        })
    }
}
