//! Frameworks for the self-assessment (självskattning): areas of requirements and a rating scale,
//! as versioned data. Three sources: the built-in framework for systematic information security
//! work (after MSB's method support), the audit's own questions, and a municipality's guideline
//! imported as JSON or CSV (see `framework_import`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::applicability::{known_role, Applicability, KNOWN_ROLES};
use crate::model::Case;

/// The value of the `format` field of every framework file.
pub const FRAMEWORK_FORMAT: &str = "yttra-framework";
/// The framework file version this build writes; it reads every version up to it.
///
/// History: 1 — areas, requirements and a scale. 2 — when a requirement applies
/// (`requirements[].applies`: classification thresholds and roles).
pub const FRAMEWORK_VERSION: u32 = 2;

/// A framework: what is assessed (areas of requirements) and how (the scale).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Always "yttra-framework".
    #[schemars(extend("const" = "yttra-framework"))]
    pub format: String,
    #[schemars(range(min = 1))]
    pub format_version: u32,
    /// A stable id: two assessments of the same id can be compared.
    pub id: String,
    /// The framework's own version, e.g. "2026.1"; requirements may change between versions.
    #[serde(default)]
    pub version: String,
    pub title: String,
    /// Where the requirements come from.
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub scale: Scale,
    pub areas: Vec<Area>,
}

/// The rating scale: numbered levels, lowest first, and whether "ej tillämplig" is allowed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub levels: Vec<ScaleLevel>,
    #[serde(default = "yes")]
    pub not_applicable: bool,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScaleLevel {
    pub value: u8,
    pub label: String,
    #[serde(default)]
    pub description: String,
}

/// A chapter of requirements, e.g. "Incidenthantering".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub requirements: Vec<Requirement>,
}

/// One question or requirement to rate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Stable across versions of the framework, so answers can be compared year to year.
    pub id: String,
    pub text: String,
    /// Help for the person assessing: what to look at, what counts as evidence.
    #[serde(default)]
    pub guidance: String,
    /// Where in the source the requirement stands, e.g. "4.2" or "Styra".
    #[serde(default)]
    pub reference: String,
    /// When it applies: from a classification level, to some roles; always when empty.
    #[serde(default, skip_serializing_if = "Applicability::is_always")]
    pub applies: Applicability,
}

impl Area {
    /// Whether any of its requirements concerns `role`: the chapters a role filter leaves.
    pub fn concerns(&self, role: &str) -> bool {
        self.requirements
            .iter()
            .any(|requirement| requirement.applies.concerns(role))
    }
}

impl Default for Scale {
    /// The default maturity scale 0–4 with Swedish labels, plus "ej tillämplig".
    fn default() -> Scale {
        let level = |value, label: &str, description: &str| ScaleLevel {
            value,
            label: label.to_string(),
            description: description.to_string(),
        };
        Scale {
            levels: vec![
                level(0, "Saknas", "Inget arbete är gjort."),
                level(1, "Påbörjat", "Arbete pågår men är inte infört."),
                level(
                    2,
                    "Delvis infört",
                    "Infört i delar av verksamheten eller utan uppföljning.",
                ),
                level(3, "Infört", "Infört i hela verksamheten och dokumenterat."),
                level(
                    4,
                    "Infört och följs upp",
                    "Infört, följs upp och förbättras systematiskt.",
                ),
            ],
            not_applicable: true,
        }
    }
}

impl Scale {
    /// The highest level's value (4 on the default scale); 0 for an empty scale.
    pub fn max(&self) -> u8 {
        self.levels
            .iter()
            .map(|level| level.value)
            .max()
            .unwrap_or(0)
    }

    pub fn label(&self, value: u8) -> Option<&str> {
        self.levels
            .iter()
            .find(|level| level.value == value)
            .map(|level| level.label.as_str())
    }
}

/// The label of "not applicable" on every scale.
pub const NOT_APPLICABLE_SV: &str = "Ej tillämplig";

impl Framework {
    /// An empty framework of the current format, to be filled with areas.
    pub fn new(id: &str, title: &str) -> Framework {
        Framework {
            format: FRAMEWORK_FORMAT.to_string(),
            format_version: FRAMEWORK_VERSION,
            id: id.to_string(),
            version: String::new(),
            title: title.to_string(),
            source: String::new(),
            scale: Scale::default(),
            areas: Vec::new(),
        }
    }

    /// Every requirement with its area, in order.
    pub fn requirements(&self) -> impl Iterator<Item = (&Area, &Requirement)> {
        self.areas
            .iter()
            .flat_map(|area| area.requirements.iter().map(move |r| (area, r)))
    }

    pub fn requirement(&self, id: &str) -> Option<(&Area, &Requirement)> {
        self.requirements()
            .find(|(_, requirement)| requirement.id == id)
    }

    pub fn requirement_count(&self) -> usize {
        self.areas.iter().map(|area| area.requirements.len()).sum()
    }

    /// The roles the requirements name: the known ones in the order of a role matrix, then the
    /// framework's own in the order they first appear.
    pub fn roles(&self) -> Vec<String> {
        let mut named: Vec<String> = Vec::new();
        for (_, requirement) in self.requirements() {
            for role in &requirement.applies.roles {
                let role = known_role(role).unwrap_or_else(|own| own);
                if !named.contains(&role) {
                    named.push(role);
                }
            }
        }
        let rank = |role: &String| {
            KNOWN_ROLES
                .iter()
                .position(|known| known == role)
                .unwrap_or(KNOWN_ROLES.len())
        };
        // A stable sort keeps the framework's own roles in their order after the known ones.
        named.sort_by_key(rank);
        named
    }

    /// Whether any requirement applies only from a classification level.
    pub fn has_thresholds(&self) -> bool {
        self.requirements()
            .any(|(_, requirement)| !requirement.applies.from.is_empty())
    }

    /// Problems that make the framework unusable, in Swedish; empty when it is fine.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.title.trim().is_empty() {
            problems.push("Ramverket saknar titel.".to_string());
        }
        if self.scale.levels.is_empty() {
            problems.push("Skalan har inga nivåer.".to_string());
        }
        let mut seen = std::collections::HashSet::new();
        for (area, requirement) in self.requirements() {
            if requirement.id.trim().is_empty() {
                problems.push(format!("Ett krav i «{}» saknar id.", area.title));
            } else if !seen.insert(requirement.id.as_str()) {
                problems.push(format!("Id «{}» används av flera krav.", requirement.id));
            }
            if requirement.text.trim().is_empty() {
                problems.push(format!("Krav «{}» saknar text.", requirement.id));
            }
            if let Some(threshold) = requirement
                .applies
                .from
                .iter()
                .find(|threshold| !crate::applicability::LEVELS.contains(&threshold.level))
            {
                problems.push(format!(
                    "Krav «{}» gäller från nivå {} av {}, men nivåerna är 1–4.",
                    requirement.id,
                    threshold.level,
                    threshold.parameter.name_sv().to_lowercase()
                ));
            }
        }
        if self.requirement_count() == 0 {
            problems.push("Ramverket har inga krav.".to_string());
        }
        problems
    }
}

/// The built-in framework for systematic information security work, written for Yttra after
/// MSB's method support (LIS): nine areas, several concrete questions each.
pub fn built_in_lis() -> Framework {
    // The file is part of the build and tested to load; an error here is a build mistake.
    crate::framework_import::load_framework(include_str!("../frameworks/yttra-lis.json"))
        .unwrap_or_else(|error| unreachable!("the built-in framework loads: {error}"))
}

/// The audit's own questions (revisionsfrågor) as a framework, so the board can rate itself on
/// exactly what the auditors asked.
pub fn from_audit_questions(case: &Case) -> Framework {
    let reference = case.audit.reference.trim();
    let mut framework = Framework::new(
        &format!("revisionsfragor-{}", reference.to_lowercase()),
        &format!("Revisionsfrågorna i {}", case.audit.title.trim()),
    );
    framework.source = format!("Granskningsrapport {reference}");
    framework.areas.push(Area {
        id: "revisionsfragor".into(),
        title: "Revisionsfrågor".into(),
        description: String::new(),
        requirements: case
            .audit
            .questions
            .iter()
            .map(|question| Requirement {
                id: format!("Q{}", question.number),
                text: question.text.clone(),
                guidance: String::new(),
                reference: format!("Revisionsfråga {}", question.number),
                applies: Applicability::default(),
            })
            .collect(),
    });
    framework
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_framework_covers_the_nine_areas_with_several_questions_each() {
        let framework = built_in_lis();
        assert_eq!(framework.problems(), Vec::<String>::new());
        assert_eq!(framework.areas.len(), 9);
        for area in &framework.areas {
            assert!(area.requirements.len() >= 3, "{}", area.title);
        }
        assert_eq!(framework.scale, Scale::default());
        assert_eq!(framework.scale.max(), 4);
        assert_eq!(framework.scale.label(2), Some("Delvis infört"));
    }

    #[test]
    fn the_audit_questions_become_a_framework() {
        let case =
            crate::version::load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json"))
                .expect("example");
        let framework = from_audit_questions(&case);
        assert_eq!(framework.requirement_count(), case.audit.questions.len());
        assert_eq!(framework.id, "revisionsfragor-sr-2025-17");
        let (_, first) = framework.requirement("Q1").expect("Q1");
        assert_eq!(first.text, case.audit.questions[0].text);
        assert!(framework.problems().is_empty());
    }

    #[test]
    fn problems_are_named() {
        let mut framework = Framework::new("x", "");
        framework.areas.push(Area {
            id: "a".into(),
            title: "Område".into(),
            description: String::new(),
            requirements: vec![
                Requirement {
                    id: "K1".into(),
                    text: "Text".into(),
                    guidance: String::new(),
                    reference: String::new(),
                    applies: Applicability::default(),
                },
                Requirement {
                    id: "K1".into(),
                    text: " ".into(),
                    guidance: String::new(),
                    reference: String::new(),
                    applies: Applicability::default(),
                },
            ],
        });
        assert_eq!(
            framework.problems(),
            [
                "Ramverket saknar titel.",
                "Id «K1» används av flera krav.",
                "Krav «K1» saknar text."
            ]
        );
    }
}
