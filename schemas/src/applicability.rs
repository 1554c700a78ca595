//! When a requirement applies: the classification model of a guideline and the roles it names.
//!
//! Information assets (IT systems, e-services, registers) are classified on four parameters —
//! Konfidentialitet, Riktighet, Tillgänglighet, Spårbarhet — each at a level from 1 (Mindre viktig)
//! to 4 (Kritisk), as in SKR's KLASSA. A requirement may apply only from a level ("gäller från
//! K2"); with several thresholds it applies when the asset reaches any of them ("K2;R3": K at
//! least 2 or R at least 3). A requirement may also name the roles it concerns. Without either it
//! always applies. Every verdict comes with its reason in Swedish, so the app never hides a
//! requirement without saying why.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The lowest and highest classification level.
pub const LEVELS: std::ops::RangeInclusive<u8> = 1..=4;

/// The names of the levels 1–4.
pub const LEVEL_NAMES_SV: [&str; 4] = ["Mindre viktig", "Viktig", "Mycket viktig", "Kritisk"];

/// The name of a classification level, "Mycket viktig"; empty outside 1–4.
pub fn level_name_sv(level: u8) -> &'static str {
    usize::from(level)
        .checked_sub(1)
        .and_then(|index| LEVEL_NAMES_SV.get(index))
        .copied()
        .unwrap_or("")
}

/// One of the four parameters an information asset is classified on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Parameter {
    Konfidentialitet,
    Riktighet,
    Tillganglighet,
    Sparbarhet,
}

impl Parameter {
    pub const ALL: [Parameter; 4] = [
        Parameter::Konfidentialitet,
        Parameter::Riktighet,
        Parameter::Tillganglighet,
        Parameter::Sparbarhet,
    ];

    /// The letter used in guidelines and in KLASSA: K, R, T, Sp.
    pub fn letter(self) -> &'static str {
        match self {
            Parameter::Konfidentialitet => "K",
            Parameter::Riktighet => "R",
            Parameter::Tillganglighet => "T",
            Parameter::Sparbarhet => "Sp",
        }
    }

    pub fn name_sv(self) -> &'static str {
        match self {
            Parameter::Konfidentialitet => "Konfidentialitet",
            Parameter::Riktighet => "Riktighet",
            Parameter::Tillganglighet => "Tillgänglighet",
            Parameter::Sparbarhet => "Spårbarhet",
        }
    }

    /// The parameter a letter names, in any case: "K", "r", "SP"; "S" is not accepted, since
    /// guidelines use it both for sekretess (K) and for spårbarhet.
    pub fn from_letter(letter: &str) -> Option<Parameter> {
        match letter.to_lowercase().as_str() {
            "k" => Some(Parameter::Konfidentialitet),
            "r" => Some(Parameter::Riktighet),
            "t" => Some(Parameter::Tillganglighet),
            "sp" => Some(Parameter::Sparbarhet),
            _ => None,
        }
    }
}

/// "From this level on": a parameter and the lowest level at which a requirement applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    pub parameter: Parameter,
    #[schemars(range(min = 1, max = 4))]
    pub level: u8,
}

impl fmt::Display for Threshold {
    /// "K2", as guidelines write it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.parameter.letter(), self.level)
    }
}

/// When a requirement applies: classification thresholds (any of them) and roles. Both empty:
/// it always applies, to everyone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Applicability {
    /// Applies when the asset's level of a parameter reaches any of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<Threshold>,
    /// The roles the requirement concerns, e.g. "Systemägare", "IT-drift".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

impl Applicability {
    pub fn is_always(&self) -> bool {
        self.from.is_empty() && self.roles.is_empty()
    }

    /// "K2 eller R3"; empty when the requirement has no threshold.
    pub fn from_sv(&self) -> String {
        let thresholds: Vec<String> = self.from.iter().map(Threshold::to_string).collect();
        thresholds.join(" eller ")
    }

    /// Whether the requirement concerns a role: it names the role, names everyone, or names
    /// no role at all.
    pub fn concerns(&self, role: &str) -> bool {
        self.roles.is_empty()
            || self
                .roles
                .iter()
                .any(|named| same_role(named, role) || same_role(named, EVERYONE))
    }
}

/// The level an asset has on one parameter and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassifiedLevel {
    #[schemars(range(min = 1, max = 4))]
    pub level: u8,
    #[serde(default)]
    pub motivation: String,
}

/// An asset's classification: a level per parameter, each optional until it is decided.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Classification {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub konfidentialitet: Option<ClassifiedLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub riktighet: Option<ClassifiedLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tillganglighet: Option<ClassifiedLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sparbarhet: Option<ClassifiedLevel>,
}

impl Classification {
    pub fn get(&self, parameter: Parameter) -> Option<&ClassifiedLevel> {
        match parameter {
            Parameter::Konfidentialitet => self.konfidentialitet.as_ref(),
            Parameter::Riktighet => self.riktighet.as_ref(),
            Parameter::Tillganglighet => self.tillganglighet.as_ref(),
            Parameter::Sparbarhet => self.sparbarhet.as_ref(),
        }
    }

    pub fn slot(&mut self, parameter: Parameter) -> &mut Option<ClassifiedLevel> {
        match parameter {
            Parameter::Konfidentialitet => &mut self.konfidentialitet,
            Parameter::Riktighet => &mut self.riktighet,
            Parameter::Tillganglighet => &mut self.tillganglighet,
            Parameter::Sparbarhet => &mut self.sparbarhet,
        }
    }

    pub fn level(&self, parameter: Parameter) -> Option<u8> {
        self.get(parameter).map(|classified| classified.level)
    }

    /// Levels for K, R, T and Sp in that order, without motivations (`None`: not decided).
    pub fn from_levels(levels: [Option<u8>; 4]) -> Classification {
        let mut classification = Classification::default();
        for (parameter, level) in Parameter::ALL.into_iter().zip(levels) {
            *classification.slot(parameter) = level.map(|level| ClassifiedLevel {
                level,
                motivation: String::new(),
            });
        }
        classification
    }

    /// "K3 R2 T4 Sp–": every parameter, a dash where none is decided.
    pub fn short_sv(&self) -> String {
        let parts: Vec<String> = Parameter::ALL
            .iter()
            .map(|&parameter| match self.level(parameter) {
                Some(level) => format!("{}{level}", parameter.letter()),
                None => format!("{}–", parameter.letter()),
            })
            .collect();
        parts.join(" ")
    }
}

/// What is assessed, when it is not the whole organisation: an information asset.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    /// E.g. "Ekonomisystemet".
    pub name: String,
    #[serde(default)]
    pub kind: SubjectKind,
    /// The role that owns it, e.g. "Systemägare: ekonomichefen".
    #[serde(default)]
    pub owner_role: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub classification: Classification,
}

/// The kinds of what is assessed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    #[default]
    ItSystem,
    EService,
    Register,
    /// A förvaltning or a unit: classification thresholds are not tested against it.
    Unit,
    Other,
}

impl SubjectKind {
    pub const ALL: [SubjectKind; 5] = [
        SubjectKind::ItSystem,
        SubjectKind::EService,
        SubjectKind::Register,
        SubjectKind::Unit,
        SubjectKind::Other,
    ];

    pub fn label_sv(self) -> &'static str {
        match self {
            SubjectKind::ItSystem => "IT-system",
            SubjectKind::EService => "E-tjänst",
            SubjectKind::Register => "Register",
            SubjectKind::Unit => "Förvaltning eller enhet",
            SubjectKind::Other => "Annan informationstillgång",
        }
    }

    /// How the text speaks of it, with the participle that agrees: "systemet är klassat",
    /// "e-tjänsten är klassad".
    fn classified_sv(self) -> &'static str {
        match self {
            SubjectKind::ItSystem => "systemet är klassat",
            SubjectKind::EService => "e-tjänsten är klassad",
            SubjectKind::Register => "registret är klassat",
            SubjectKind::Unit => "verksamheten är klassad",
            SubjectKind::Other => "tillgången är klassad",
        }
    }

    /// The key used in forms and files, "it_system".
    pub fn key(self) -> &'static str {
        match self {
            SubjectKind::ItSystem => "it_system",
            SubjectKind::EService => "e_service",
            SubjectKind::Register => "register",
            SubjectKind::Unit => "unit",
            SubjectKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<SubjectKind> {
        SubjectKind::ALL.into_iter().find(|kind| kind.key() == key)
    }
}

/// Whether a requirement applies to what is assessed, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// It has no threshold.
    Always,
    /// It has a threshold and applies; the reason says which level made it so.
    Applies(String),
    /// It has a threshold the asset does not reach.
    DoesNotApply(String),
}

impl Verdict {
    pub fn applies(&self) -> bool {
        !matches!(self, Verdict::DoesNotApply(_))
    }

    /// The reason to show beside the requirement; `None` when it always applies.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Verdict::Always => None,
            Verdict::Applies(reason) | Verdict::DoesNotApply(reason) => Some(reason),
        }
    }
}

/// Whether a requirement with `applicability` applies to `subject` (`None`: the whole
/// organisation, where thresholds are shown but not tested).
///
/// A parameter the asset has no level for yet does not hide the requirement: it is better to
/// answer one question too many than to miss one.
pub fn verdict(applicability: &Applicability, subject: Option<&Subject>) -> Verdict {
    if applicability.from.is_empty() {
        return Verdict::Always;
    }
    let from = format!("gäller från {}", applicability.from_sv());
    let Some(subject) = subject.filter(|subject| subject.kind != SubjectKind::Unit) else {
        return Verdict::Applies(format!("{from} – prövas mot klassningen av varje system"));
    };
    let classified = subject.kind.classified_sv();
    let classification = &subject.classification;
    if let Some(met) = applicability
        .from
        .iter()
        .find(|threshold| classification.level(threshold.parameter) >= Some(threshold.level))
    {
        let level = classification.level(met.parameter).unwrap_or(met.level);
        return Verdict::Applies(format!(
            "{from} – {classified} {}{level}",
            met.parameter.letter()
        ));
    }
    let unclassified: Vec<&str> = applicability
        .from
        .iter()
        .filter(|threshold| classification.level(threshold.parameter).is_none())
        .map(|threshold| threshold.parameter.letter())
        .collect();
    if !unclassified.is_empty() {
        let not_classified = classified.replace(" är ", " är inte ");
        return Verdict::Applies(format!(
            "{from} – {not_classified} för {}, så kravet visas",
            unclassified.join(" och ")
        ));
    }
    let levels: Vec<String> = applicability
        .from
        .iter()
        .map(|threshold| {
            let level = classification.level(threshold.parameter).unwrap_or(0);
            format!("{}{level}", threshold.parameter.letter())
        })
        .collect();
    Verdict::DoesNotApply(format!("{from} – {classified} {}", levels.join(" och ")))
}

/// Reads thresholds as guidelines write them: "K2", "K2;R3", "K2, T3", "K2 eller Sp3".
/// Returns the thresholds read and, for each part that is not one, a Swedish explanation.
pub fn parse_thresholds(text: &str) -> (Vec<Threshold>, Vec<String>) {
    let mut thresholds = Vec::new();
    let mut problems = Vec::new();
    let parts = text
        .split([';', ',', ' ', '/', '+'])
        .map(str::trim)
        .filter(|part| !part.is_empty() && !part.eq_ignore_ascii_case("eller"));
    for part in parts {
        match parse_threshold(part) {
            Ok(threshold) if !thresholds.contains(&threshold) => thresholds.push(threshold),
            Ok(_) => {}
            Err(problem) => problems.push(problem),
        }
    }
    (thresholds, problems)
}

fn parse_threshold(part: &str) -> Result<Threshold, String> {
    let split = part
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(part.len());
    let (letter, digits) = part.split_at(split);
    let parameter = Parameter::from_letter(letter.trim()).ok_or_else(|| {
        format!("«{part}» är ingen parameter i klassningsmodellen (K, R, T eller Sp)")
    })?;
    match digits.trim().parse::<u8>() {
        Ok(level) if LEVELS.contains(&level) => Ok(Threshold { parameter, level }),
        _ => Err(format!(
            "«{part}» har ingen nivå 1–4 (1 {}, 4 {})",
            LEVEL_NAMES_SV[0], LEVEL_NAMES_SV[3]
        )),
    }
}

/// The role every employee has; a requirement naming it concerns every role.
pub const EVERYONE: &str = "Alla medarbetare";

/// The roles guidelines commonly name, in the order a role matrix lists them.
pub const KNOWN_ROLES: [&str; 11] = [
    EVERYONE,
    "Förtroendevalda",
    "Chefer",
    "HR",
    "Upphandling",
    "Informationsägare",
    "Systemägare",
    "Systemförvaltare",
    "IT-drift",
    "Arkiv",
    "Informationssäkerhetssamordnare",
];

/// Other ways guidelines write a known role.
const ROLE_ALIASES: [(&str, &str); 8] = [
    ("alla", EVERYONE),
    ("medarbetare", EVERYONE),
    ("samtliga medarbetare", EVERYONE),
    ("politiker", "Förtroendevalda"),
    ("chef", "Chefer"),
    ("förvaltare", "Systemförvaltare"),
    ("it", "IT-drift"),
    ("arkivet", "Arkiv"),
];

/// Two role names for the same role, known roles by any of their names ("chef", "Chefer").
fn same_role(a: &str, b: &str) -> bool {
    let usual = |name: &str| known_role(name).unwrap_or_else(|own| own).to_lowercase();
    usual(a) == usual(b)
}

/// A role as the framework keeps it: a known role in its usual spelling, or `Err` with the name
/// as written when it is not known (kept as written, and the caller says so).
pub fn known_role(name: &str) -> Result<String, String> {
    let name = name.trim();
    let lower = name.to_lowercase();
    if let Some(known) = KNOWN_ROLES
        .iter()
        .find(|known| known.to_lowercase() == lower)
    {
        return Ok((*known).to_string());
    }
    if let Some((_, known)) = ROLE_ALIASES.iter().find(|(alias, _)| *alias == lower) {
        return Ok((*known).to_string());
    }
    Err(name.to_string())
}

/// Splits a roles cell, "Systemägare; IT-drift" or "chefer, HR", into names.
pub fn split_roles(text: &str) -> impl Iterator<Item = &str> {
    text.split([';', ',', '\n'])
        .map(str::trim)
        .filter(|name| !name.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn threshold(parameter: Parameter, level: u8) -> Threshold {
        Threshold { parameter, level }
    }

    fn asset(levels: [Option<u8>; 4]) -> Subject {
        Subject {
            name: "Ekonomisystemet".into(),
            classification: Classification::from_levels(levels),
            ..Subject::default()
        }
    }

    #[test]
    fn thresholds_are_read_as_guidelines_write_them() {
        let (read, problems) = parse_thresholds("K2;R3");
        assert_eq!(
            read,
            [
                threshold(Parameter::Konfidentialitet, 2),
                threshold(Parameter::Riktighet, 3)
            ]
        );
        assert!(problems.is_empty());
        let (read, _) = parse_thresholds("t3, sp4 eller K2");
        assert_eq!(read.len(), 3);
        assert_eq!(read[1], threshold(Parameter::Sparbarhet, 4));
        let (read, problems) = parse_thresholds("K5; X2; S3; T");
        assert!(read.is_empty());
        assert_eq!(
            problems,
            [
                "«K5» har ingen nivå 1–4 (1 Mindre viktig, 4 Kritisk)",
                "«X2» är ingen parameter i klassningsmodellen (K, R, T eller Sp)",
                "«S3» är ingen parameter i klassningsmodellen (K, R, T eller Sp)",
                "«T» har ingen nivå 1–4 (1 Mindre viktig, 4 Kritisk)",
            ]
        );
    }

    #[test]
    fn a_requirement_applies_from_its_level_and_says_why() {
        let encrypted = Applicability {
            from: vec![threshold(Parameter::Konfidentialitet, 2)],
            roles: Vec::new(),
        };
        assert_eq!(
            verdict(&encrypted, Some(&asset([Some(3), None, None, None]))),
            Verdict::Applies("gäller från K2 – systemet är klassat K3".into())
        );
        let below = verdict(&encrypted, Some(&asset([Some(1), Some(4), None, None])));
        assert_eq!(
            below,
            Verdict::DoesNotApply("gäller från K2 – systemet är klassat K1".into())
        );
        assert!(!below.applies());
        assert_eq!(
            verdict(&encrypted, Some(&asset([None; 4]))),
            Verdict::Applies(
                "gäller från K2 – systemet är inte klassat för K, så kravet visas".into()
            )
        );
        assert_eq!(
            verdict(&encrypted, None),
            Verdict::Applies("gäller från K2 – prövas mot klassningen av varje system".into())
        );
        assert_eq!(
            verdict(&Applicability::default(), Some(&asset([Some(1); 4]))),
            Verdict::Always
        );
    }

    #[test]
    fn with_several_thresholds_reaching_any_is_enough() {
        let continuity = Applicability {
            from: vec![
                threshold(Parameter::Tillganglighet, 3),
                threshold(Parameter::Riktighet, 4),
            ],
            roles: Vec::new(),
        };
        let mut register = asset([Some(1), Some(4), Some(2), Some(1)]);
        register.kind = SubjectKind::Register;
        assert_eq!(
            verdict(&continuity, Some(&register)),
            Verdict::Applies("gäller från T3 eller R4 – registret är klassat R4".into())
        );
        let mut service = asset([Some(1), Some(1), Some(1), Some(1)]);
        service.kind = SubjectKind::EService;
        assert_eq!(
            verdict(&continuity, Some(&service)),
            Verdict::DoesNotApply(
                "gäller från T3 eller R4 – e-tjänsten är klassad T1 och R1".into()
            )
        );
        let low = asset([Some(4), Some(2), Some(2), Some(4)]);
        assert_eq!(
            verdict(&continuity, Some(&low)),
            Verdict::DoesNotApply("gäller från T3 eller R4 – systemet är klassat T2 och R2".into())
        );
    }

    #[test]
    fn roles_are_known_by_their_usual_names_and_everyone_concerns_every_role() {
        assert_eq!(known_role(" it-drift "), Ok("IT-drift".into()));
        assert_eq!(known_role("alla"), Ok(EVERYONE.into()));
        assert_eq!(known_role("IT-drfit"), Err("IT-drfit".into()));
        let roles: Vec<&str> = split_roles("Chefer; HR,\nUpphandling").collect();
        assert_eq!(roles, ["Chefer", "HR", "Upphandling"]);
        let managers = Applicability {
            from: Vec::new(),
            roles: vec!["Chefer".into()],
        };
        assert!(managers.concerns("chefer"));
        assert!(!managers.concerns("IT-drift"));
        assert!(Applicability::default().concerns("IT-drift"));
        let written_short = Applicability {
            from: Vec::new(),
            roles: vec!["chef".into()],
        };
        assert!(
            written_short.concerns("Chefer"),
            "an alias is the same role"
        );
        let everyone = Applicability {
            from: Vec::new(),
            roles: vec![EVERYONE.into()],
        };
        assert!(everyone.concerns("Arkiv"));
    }

    #[test]
    fn a_classification_is_written_short() {
        let subject = asset([Some(3), Some(2), None, Some(1)]);
        assert_eq!(subject.classification.short_sv(), "K3 R2 T– Sp1");
        assert_eq!(level_name_sv(3), "Mycket viktig");
        assert_eq!(level_name_sv(0), "");
    }
}
