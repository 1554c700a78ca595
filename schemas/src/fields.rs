//! The fields of a document that the board writes and may amend in Word: each has a stable key,
//! its text as the document prints it, and a way to take an amended text back into the case.
//!
//! Documents mark each field (docgen wraps it in a content control tagged with the key and a
//! bookmark named after it); reading a DOCX back compares each field's text in the document
//! with the case it embeds. Headings and the auditors' quoted text are not fields.
//!
//! A key is letters, digits and `_` only, since Word bookmark names allow nothing else:
//! `first_summary`, `R2_stance`, `R2_motivation`, `R2_reason`, `A1_action`, `A1_effect`,
//! `A1_doneby`, `A1_responsible`, `followup_summary`, `A1_status`, `A1_doneon`, `A1_done`,
//! `A1_achieved`, `A1_why`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::Date;
use crate::follow_up::{MeasureOutcome, MeasureStatus};
use crate::model::{Case, ItemAnswer, ItemRef, Measure, Stance};
use crate::wording::lowercase_first;

/// One field of a board's answers that a document shows; written as its key in files.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    FirstSummary,
    Stance(ItemRef),
    Motivation(ItemRef),
    NoMeasureReason(ItemRef),
    Measure {
        id: String,
        part: MeasurePart,
    },
    /// A row for a new measure in a form ("Begär underlag" for the första yttrande), numbered
    /// within its item; it becomes a measure when the user takes it in.
    NewMeasure {
        item: ItemRef,
        row: u32,
        part: MeasurePart,
    },
    FollowUpSummary,
    Outcome {
        measure: String,
        part: OutcomePart,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasurePart {
    Action,
    ExpectedEffect,
    DoneBy,
    Responsible,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OutcomePart {
    Status,
    DoneOn,
    WhatWasDone,
    AchievedEffect,
    NewDoneBy,
    Reason,
}

const MEASURE_PARTS: [(MeasurePart, &str); 4] = [
    (MeasurePart::Action, "action"),
    (MeasurePart::ExpectedEffect, "effect"),
    (MeasurePart::DoneBy, "doneby"),
    (MeasurePart::Responsible, "responsible"),
];

const OUTCOME_PARTS: [(OutcomePart, &str); 6] = [
    (OutcomePart::Status, "status"),
    (OutcomePart::DoneOn, "doneon"),
    (OutcomePart::WhatWasDone, "done"),
    (OutcomePart::AchievedEffect, "achieved"),
    (OutcomePart::NewDoneBy, "newdoneby"),
    (OutcomePart::Reason, "why"),
];

/// What a document prints for an item without a stance.
pub const STANCE_NOT_GIVEN_SV: &str = "Ej angivet";
/// What a första yttrande prints after "Ingen åtgärd planeras" when the board gave no reason.
pub const NO_MEASURES_GIVEN_SV: &str = "Inga åtgärder har angetts.";

fn measure_part_label(part: MeasurePart) -> &'static str {
    match part {
        MeasurePart::Action => "vad som ska göras",
        MeasurePart::ExpectedEffect => "förväntad effekt",
        MeasurePart::DoneBy => "senast genomförd",
        MeasurePart::Responsible => "ansvarig",
    }
}

fn measure_part_name(part: MeasurePart) -> &'static str {
    MEASURE_PARTS
        .iter()
        .find(|(p, _)| *p == part)
        .map_or("", |(_, name)| *name)
}

/// The longest measure id, once encoded, that a key holds: a Word bookmark name has at most 40
/// characters, and `Y12c3_` and `_responsible` take 18 of them.
const MAX_ENCODED_ID: usize = 22;

/// True for a measure id that fits in a key (and so in a Word bookmark name) once encoded.
pub fn is_key_safe(id: &str) -> bool {
    !id.is_empty() && encoded_len(id) <= MAX_ENCODED_ID
}

/// A measure id as a key holds it: letters and digits as they are, every other byte as `_` and
/// two hex digits (bookmark names allow nothing else), so "A1-2" is `A1_2d2`. Written straight
/// to `out`: a document names a field at every place it shows it.
fn write_encoded_id(id: &str, out: &mut impl fmt::Write) -> fmt::Result {
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() {
            out.write_char(char::from(byte))?;
        } else {
            write!(out, "_{byte:02x}")?;
        }
    }
    Ok(())
}

/// The length of what `write_encoded_id` writes.
fn encoded_len(id: &str) -> usize {
    id.bytes()
        .map(|byte| if byte.is_ascii_alphanumeric() { 1 } else { 3 })
        .sum()
}

/// The id `write_encoded_id` wrote, or `None` for text it cannot have written.
fn decode_id(encoded: &str) -> Option<String> {
    let mut bytes = Vec::new();
    let mut rest = encoded.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'_' {
            let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
            let byte = u8::from_str_radix(hex, 16).ok()?;
            if byte.is_ascii_alphanumeric() {
                return None;
            }
            bytes.push(byte);
            rest = &tail[2..];
        } else if first.is_ascii_alphanumeric() {
            bytes.push(first);
            rest = tail;
        } else {
            return None;
        }
    }
    let id = String::from_utf8(bytes).ok()?;
    (!id.is_empty()).then_some(id)
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::FirstSummary => write!(f, "first_summary"),
            Field::FollowUpSummary => write!(f, "followup_summary"),
            Field::Stance(item) => write!(f, "{item}_stance"),
            Field::Motivation(item) => write!(f, "{item}_motivation"),
            Field::NoMeasureReason(item) => write!(f, "{item}_reason"),
            Field::Measure { id, part } => {
                write_encoded_id(id, f)?;
                write!(f, "_{}", measure_part_name(*part))
            }
            Field::NewMeasure { item, row, part } => {
                // `__` never stands in an encoded measure id, so the two cannot be confused.
                write!(f, "{item}__{row}_{}", measure_part_name(*part))
            }
            Field::Outcome { measure, part } => {
                let name = OUTCOME_PARTS
                    .iter()
                    .find(|(p, _)| p == part)
                    .map_or("", |(_, name)| *name);
                write_encoded_id(measure, f)?;
                write!(f, "_{name}")
            }
        }
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Field, D::Error> {
        let key = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Field::parse(&key)
            .ok_or_else(|| serde::de::Error::custom(format!("«{key}» är inget fält i Yttra.")))
    }
}

impl Field {
    /// The field a key names, or `None` for a key Yttra does not write.
    pub fn parse(key: &str) -> Option<Field> {
        match key {
            "first_summary" => return Some(Field::FirstSummary),
            "followup_summary" => return Some(Field::FollowUpSummary),
            _ => {}
        }
        let (owner, name) = key.rsplit_once('_')?;
        if let Some((item, row)) = owner.split_once("__") {
            let part = MEASURE_PARTS.iter().find(|(_, n)| *n == name)?.0;
            return Some(Field::NewMeasure {
                item: item.parse().ok()?,
                row: row.parse().ok().filter(|row| *row > 0)?,
                part,
            });
        }
        let item = owner.parse::<ItemRef>().ok();
        match (name, item) {
            ("stance", Some(item)) => return Some(Field::Stance(item)),
            ("motivation", Some(item)) => return Some(Field::Motivation(item)),
            ("reason", Some(item)) => return Some(Field::NoMeasureReason(item)),
            _ => {}
        }
        let id = decode_id(owner)?;
        if let Some((part, _)) = MEASURE_PARTS.iter().find(|(_, n)| *n == name) {
            return Some(Field::Measure { id, part: *part });
        }
        let (part, _) = OUTCOME_PARTS.iter().find(|(_, n)| *n == name)?;
        Some(Field::Outcome {
            measure: id,
            part: *part,
        })
    }

    /// What the field is, for the user: "Åtgärd A1, förväntad effekt".
    pub fn label_sv(&self) -> String {
        match self {
            Field::FirstSummary => "Sammanfattande svar (första yttrandet)".into(),
            Field::FollowUpSummary => "Sammanfattande svar (uppföljningen)".into(),
            Field::Stance(item) => format!("{}, ställningstagande", item.label_sv()),
            Field::Motivation(item) => format!("{}, motivering", item.label_sv()),
            Field::NoMeasureReason(item) => {
                format!("{}, skäl till att ingen åtgärd planeras", item.label_sv())
            }
            Field::Measure { id, part } => {
                format!("Åtgärd {id}, {}", measure_part_label(*part))
            }
            Field::NewMeasure { item, row, part } => format!(
                "Ny åtgärd {row} för {}, {}",
                lowercase_first(&item.label_sv()),
                measure_part_label(*part)
            ),
            Field::Outcome { measure, part } => {
                let what = match part {
                    OutcomePart::Status => "status",
                    OutcomePart::DoneOn => "genomförd",
                    OutcomePart::WhatWasDone => "vad som har gjorts",
                    OutcomePart::AchievedEffect => "uppnådd effekt",
                    OutcomePart::NewDoneBy => "nytt datum",
                    OutcomePart::Reason => "skäl",
                };
                format!("Åtgärd {measure}, {what}")
            }
        }
    }

    /// True for a field of `board`'s första yttrande in `case` (a promised measure, not a new
    /// one of the follow-up), which is locked once the follow-up starts.
    pub fn is_first_yttrande(&self, case: &Case, board: &str) -> bool {
        match self {
            Field::FirstSummary
            | Field::Stance(_)
            | Field::Motivation(_)
            | Field::NoMeasureReason(_) => true,
            Field::Measure { id, .. } => case
                .response(board)
                .is_some_and(|r| r.first.measures.iter().any(|m| &m.id == id)),
            Field::NewMeasure { .. } => true,
            Field::FollowUpSummary | Field::Outcome { .. } => false,
        }
    }

    /// The field's text as a document prints it, for `board`'s answers in `case`; `None` when
    /// the case has no such field (an unknown measure, a board without a follow-up).
    pub fn value(&self, case: &Case, board: &str) -> Option<String> {
        case.board(board)?;
        // A board that has not begun answers with an empty första yttrande.
        let unanswered = crate::model::BoardResponse {
            board: board.to_string(),
            first: crate::model::FirstYttrande::default(),
            follow_up: None,
        };
        let response = case.response(board).unwrap_or(&unanswered);
        let first = &response.first;
        let answer = |item: &ItemRef| first.answer(*item);
        Some(match self {
            Field::FirstSummary => first.summary.clone(),
            Field::FollowUpSummary => response.follow_up.as_ref()?.summary.clone(),
            Field::Stance(item) => answer(item)
                .and_then(|a| a.stance)
                .map_or(STANCE_NOT_GIVEN_SV, Stance::label_sv)
                .to_string(),
            Field::Motivation(item) => answer(item)
                .map(|a| a.motivation.clone())
                .unwrap_or_default(),
            Field::NoMeasureReason(item) => answer(item)
                .map(|a| a.no_measure_reason.clone())
                .unwrap_or_default(),
            Field::Measure { id, part } => {
                let measure = find_measure(case, board, id)?;
                match part {
                    MeasurePart::Action => measure.action.clone(),
                    MeasurePart::ExpectedEffect => measure.expected_effect.clone(),
                    MeasurePart::DoneBy => date_text(measure.done_by),
                    MeasurePart::Responsible => measure.responsible.clone(),
                }
            }
            // A form's row for a new measure starts empty.
            Field::NewMeasure { .. } => String::new(),
            Field::Outcome { measure, part } => {
                let follow_up = response.follow_up.as_ref()?;
                let outcome = follow_up.outcomes.iter().find(|o| &o.measure == measure);
                let empty = MeasureOutcome::default();
                let outcome = outcome.unwrap_or(&empty);
                match part {
                    OutcomePart::Status => outcome
                        .status
                        .map_or(MeasureStatus::UNASSESSED_SV, MeasureStatus::label_sv)
                        .to_string(),
                    OutcomePart::DoneOn => date_text(outcome.done_on),
                    OutcomePart::WhatWasDone => outcome.what_was_done.clone(),
                    OutcomePart::AchievedEffect => outcome.achieved_effect.clone(),
                    OutcomePart::NewDoneBy => date_text(outcome.new_done_by),
                    OutcomePart::Reason => outcome.reason.clone(),
                }
            }
        })
    }

    /// A text read from a document as the case would hold it: Yttra's own words for "nothing
    /// given" read as empty.
    pub fn canonical(&self, text: &str) -> String {
        let text = normalise_text(text);
        match self {
            Field::NoMeasureReason(_) if text == NO_MEASURES_GIVEN_SV => String::new(),
            _ => text,
        }
    }

    /// Takes a text read from a document into the case. A date is read as "2025-09-30" or "30
    /// september 2025", a stance or status by its Swedish name; what cannot be read is refused
    /// with a message naming the field, and the case is left as it was.
    pub fn set(&self, case: &mut Case, board: &str, text: &str) -> Result<(), String> {
        let text = text.trim();
        let refused = |what: &str| format!("{}: «{text}» {what}", self.label_sv());
        let date = || -> Result<Option<Date>, String> {
            if text.is_empty() {
                return Ok(None);
            }
            Date::parse_swedish(text)
                .map(Some)
                .ok_or_else(|| refused("är inget datum som går att läsa (skriv t.ex. 2025-09-30)."))
        };
        if case.board(board).is_none() {
            return Err(refused("hör till en nämnd som inte finns i ärendet."));
        }
        // A board that has not begun answering begins with what the document says.
        if case.response(board).is_none() {
            case.responses.push(crate::model::BoardResponse {
                board: board.to_string(),
                first: crate::model::FirstYttrande::default(),
                follow_up: None,
            });
        }
        let response = case
            .responses
            .iter_mut()
            .find(|r| r.board == board)
            .ok_or_else(|| refused("hör till en nämnd som inte finns i ärendet."))?;
        let first = &mut response.first;
        let missing = || refused("hör till en del av svaret som inte finns i ärendet.");
        match self {
            Field::FirstSummary => first.summary = text.to_string(),
            Field::FollowUpSummary => {
                response.follow_up.as_mut().ok_or_else(missing)?.summary = text.to_string()
            }
            Field::Stance(item) => {
                let stance = match text {
                    "" | STANCE_NOT_GIVEN_SV => None,
                    _ => Some(Stance::from_label_sv(text).ok_or_else(|| {
                        refused("är inget ställningstagande (Instämmer, Instämmer delvis eller Instämmer inte).")
                    })?),
                };
                answer_mut(&mut first.answers, *item).stance = stance;
            }
            Field::Motivation(item) => {
                answer_mut(&mut first.answers, *item).motivation = text.to_string()
            }
            Field::NoMeasureReason(item) => {
                let reason = if text == NO_MEASURES_GIVEN_SV {
                    ""
                } else {
                    text
                };
                answer_mut(&mut first.answers, *item).no_measure_reason = reason.to_string()
            }
            Field::Measure { id, part } => {
                let measure = first
                    .measures
                    .iter_mut()
                    .chain(
                        response
                            .follow_up
                            .iter_mut()
                            .flat_map(|f| &mut f.new_measures),
                    )
                    .find(|m| &m.id == id)
                    .ok_or_else(missing)?;
                set_measure_part(measure, *part, text, date)?;
            }
            Field::NewMeasure { item, part, .. } => {
                let id = first.next_measure_id('A');
                let mut measure = Measure {
                    id,
                    action: String::new(),
                    expected_effect: String::new(),
                    done_by: None,
                    responsible: String::new(),
                    items: vec![*item],
                    origin: None,
                };
                set_measure_part(&mut measure, *part, text, date)?;
                first.measures.push(measure);
            }
            Field::Outcome { measure, part } => {
                let follow_up = response.follow_up.as_mut().ok_or_else(missing)?;
                let status = match part {
                    OutcomePart::Status
                        if text.is_empty() || text == MeasureStatus::UNASSESSED_SV =>
                    {
                        Some(None)
                    }
                    OutcomePart::Status => Some(Some(
                        MeasureStatus::ALL
                            .into_iter()
                            .find(|s| s.label_sv().eq_ignore_ascii_case(text))
                            .ok_or_else(|| refused("är ingen status som Yttra känner till."))?,
                    )),
                    _ => None,
                };
                let date_read = match part {
                    OutcomePart::DoneOn | OutcomePart::NewDoneBy => Some(date()?),
                    _ => None,
                };
                let outcome = match follow_up
                    .outcomes
                    .iter()
                    .position(|o| &o.measure == measure)
                {
                    Some(index) => &mut follow_up.outcomes[index],
                    None => {
                        follow_up.outcomes.push(MeasureOutcome {
                            measure: measure.clone(),
                            ..MeasureOutcome::default()
                        });
                        follow_up.outcomes.last_mut().expect("just pushed")
                    }
                };
                match part {
                    OutcomePart::Status => outcome.status = status.flatten(),
                    OutcomePart::DoneOn => outcome.done_on = date_read.flatten(),
                    OutcomePart::NewDoneBy => outcome.new_done_by = date_read.flatten(),
                    OutcomePart::WhatWasDone => outcome.what_was_done = text.to_string(),
                    OutcomePart::AchievedEffect => outcome.achieved_effect = text.to_string(),
                    OutcomePart::Reason => outcome.reason = text.to_string(),
                }
            }
        }
        Ok(())
    }
}

/// What differs between a document's fields and the case it embeds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Difference {
    /// The document's text differs from the embedded one.
    Edited {
        field: Field,
        embedded: String,
        document: String,
    },
    /// The field is shown in several places and was edited differently in them: the user
    /// chooses.
    Conflicting {
        field: Field,
        embedded: String,
        versions: Vec<String>,
    },
    /// The field's control is gone from the document.
    Deleted { field: Field, embedded: String },
    /// Every field of a measure is gone from the document (its row deleted): the user decides
    /// whether the measure goes. `field` is the measure's action.
    MeasureRemoved { field: Field, action: String },
    /// The document's text cannot be taken into the case (a date that cannot be read).
    Unreadable { field: Field, message: String },
    /// A form's row for a new measure, filled in: taken in as one new measure. `field` is the
    /// row's action.
    NewMeasure {
        field: Field,
        texts: Vec<(MeasurePart, String)>,
    },
}

impl Difference {
    pub fn field(&self) -> &Field {
        match self {
            Difference::Edited { field, .. }
            | Difference::Conflicting { field, .. }
            | Difference::Deleted { field, .. }
            | Difference::MeasureRemoved { field, .. }
            | Difference::Unreadable { field, .. }
            | Difference::NewMeasure { field, .. } => field,
        }
    }

    /// One line for the user, in Swedish.
    pub fn describe_sv(&self) -> String {
        let label = self.field().label_sv();
        match self {
            Difference::Edited {
                embedded, document, ..
            } => format!("{label}: i dokumentet «{document}», i Yttra «{embedded}»."),
            Difference::Conflicting { versions, .. } => format!(
                "{label}: ändrad på olika sätt på olika ställen i dokumentet: {}. Välj vilken som gäller.",
                versions
                    .iter()
                    .map(|version| format!("«{version}»"))
                    .collect::<Vec<_>>()
                    .join(" eller ")
            ),
            Difference::Deleted { embedded, .. } => format!(
                "{label}: fältet finns inte längre i dokumentet (i Yttra «{embedded}»); \
                 det som står där läses inte in."
            ),
            Difference::Unreadable { message, .. } => message.clone(),
            Difference::MeasureRemoved { field, action } => {
                let id = match field {
                    Field::Measure { id, .. } => id.as_str(),
                    _ => "",
                };
                format!(
                    "Åtgärd {id} har tagits bort ur dokumentet (i Yttra «{action}»). Välj om \
                     den ska tas bort i Yttra också."
                )
            }
            Difference::NewMeasure { field, texts } => {
                let Field::NewMeasure { item, row, .. } = field else {
                    return label;
                };
                let parts: Vec<String> = texts
                    .iter()
                    .map(|(part, text)| format!("{} «{text}»", measure_part_label(*part)))
                    .collect();
                format!(
                    "Ny åtgärd {row} för {}: {}.",
                    lowercase_first(&item.label_sv()),
                    parts.join(", ")
                )
            }
        }
    }
}

/// Takes a form's new measure into the case: a measure with the next free id, answering the
/// row's item, with the row's texts. The new measure's id, or the first text refused.
pub fn adopt_new_measure(
    case: &mut Case,
    board: &str,
    row: &Field,
    texts: &[(MeasurePart, String)],
) -> Result<String, String> {
    let Field::NewMeasure { item, row, .. } = row else {
        return Err(format!("{}: ingen ny åtgärd.", row.label_sv()));
    };
    let mut adopted = case.clone();
    let action = texts
        .iter()
        .find(|(part, _)| *part == MeasurePart::Action)
        .map_or("", |(_, text)| text.as_str());
    let creating = Field::NewMeasure {
        item: *item,
        row: *row,
        part: MeasurePart::Action,
    };
    creating.set(&mut adopted, board, action)?;
    let id = adopted
        .response(board)
        .and_then(|r| r.first.measures.last())
        .map(|m| m.id.clone())
        .unwrap_or_default();
    for (part, text) in texts
        .iter()
        .filter(|(part, _)| *part != MeasurePart::Action)
    {
        let field = Field::Measure {
            id: id.clone(),
            part: *part,
        };
        field.set(&mut adopted, board, text)?;
    }
    *case = adopted;
    Ok(id)
}

/// A document's fields as read from it: each field's text per place it is shown (paragraphs
/// joined by blank lines), the fields whose anchor stood twice at one place, and the fields
/// the document had when Yttra wrote it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundFields {
    pub places: std::collections::BTreeMap<Field, std::collections::BTreeMap<u32, String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doubled: Vec<Field>,
    pub expected: Vec<Field>,
}

/// How a document's fields differ from `board`'s answers in `case`: the case the document
/// embeds, or the copy stored in the app, which may be newer. A field shown in several places
/// and edited in one is an edit; edited differently in two, a choice; gone, deleted; a text
/// the case cannot take, unreadable; a filled-in row for a new measure, a new measure unless
/// the item already has a measure of that text (a form taken in before).
pub fn differences(case: &Case, board: &str, found: &FoundFields) -> Vec<Difference> {
    let mut differences = Vec::new();
    // A large yttrande has about 900 fields: looked up in a set, not a list.
    let expected: std::collections::BTreeSet<&Field> = found.expected.iter().collect();
    for field in found.places.keys() {
        if !expected.contains(field) {
            differences.push(Difference::Unreadable {
                field: field.clone(),
                message: format!(
                    "{}: fältet finns inte i ärendet som dokumentet bär med sig, så det som står \
                     där läses inte in.",
                    field.label_sv()
                ),
            });
        }
    }
    for field in &found.expected {
        if found.doubled.contains(field) {
            differences.push(Difference::Unreadable {
                field: field.clone(),
                message: format!(
                    "{}: fältet står två gånger på samma ställe (ett stycke har kopierats med \
                     sin märkning), så inget av dem läses in. Ändra texten i Yttra om den ska \
                     ändras.",
                    field.label_sv()
                ),
            });
            continue;
        }
        if matches!(field, Field::NewMeasure { .. }) {
            continue;
        }
        let Some(current) = field.value(case, board) else {
            differences.push(Difference::Unreadable {
                field: field.clone(),
                message: format!(
                    "{}: det finns inte längre i ärendet, så dokumentets text läses inte in.",
                    field.label_sv()
                ),
            });
            continue;
        };
        let current = field.canonical(&current);
        let Some(places) = found.places.get(field) else {
            differences.push(Difference::Deleted {
                field: field.clone(),
                embedded: current,
            });
            continue;
        };
        let mut versions: Vec<String> = Vec::new();
        for text in places.values().map(|text| field.canonical(text)) {
            if text != current && !versions.contains(&text) {
                versions.push(text);
            }
        }
        let difference = match versions.len() {
            0 => continue,
            1 => Difference::Edited {
                field: field.clone(),
                embedded: current,
                document: versions.remove(0),
            },
            _ => Difference::Conflicting {
                field: field.clone(),
                embedded: current,
                versions,
            },
        };
        differences.push(unreadable_or(case, board, difference));
    }
    differences.extend(new_measures(case, board, found));
    removed_measures(differences)
}

/// A measure whose every field is deleted from the document (its row removed) becomes one
/// difference for the measure instead of four.
fn removed_measures(differences: Vec<Difference>) -> Vec<Difference> {
    let deleted_parts = |id: &str| {
        differences
            .iter()
            .filter(|d| {
                matches!(d, Difference::Deleted { field: Field::Measure { id: other, .. }, .. } if other == id)
            })
            .count()
    };
    let removed: Vec<String> = differences
        .iter()
        .filter_map(|d| match d {
            Difference::Deleted {
                field:
                    Field::Measure {
                        id,
                        part: MeasurePart::Action,
                    },
                ..
            } if deleted_parts(id) == MEASURE_PARTS.len() => Some(id.clone()),
            _ => None,
        })
        .collect();
    differences
        .into_iter()
        .filter_map(|difference| match difference {
            Difference::Deleted {
                field: Field::Measure { id, part },
                embedded,
            } if removed.contains(&id) => {
                (part == MeasurePart::Action).then_some(Difference::MeasureRemoved {
                    field: Field::Measure { id, part },
                    action: embedded,
                })
            }
            other => Some(other),
        })
        .collect()
}

/// A form's rows for new measures that were filled in, each as one new measure; a row whose
/// action an existing measure of the item already has was taken in before and is left out.
fn new_measures(case: &Case, board: &str, found: &FoundFields) -> Vec<Difference> {
    let mut rows: std::collections::BTreeMap<(ItemRef, u32), Vec<(MeasurePart, String)>> =
        Default::default();
    for (field, places) in &found.places {
        let Field::NewMeasure { item, row, part } = field else {
            continue;
        };
        let text = field.canonical(places.values().next().map_or("", String::as_str));
        if !text.is_empty() {
            rows.entry((*item, *row)).or_default().push((*part, text));
        }
    }
    let taken_in = |item: ItemRef, texts: &[(MeasurePart, String)]| {
        let action = texts
            .iter()
            .find(|(part, _)| *part == MeasurePart::Action)
            .map(|(_, text)| text.as_str());
        case.response(board).is_some_and(|response| {
            response
                .first
                .measures_for(item)
                .any(|measure| Some(normalise_text(&measure.action).as_str()) == action)
        })
    };
    rows.into_iter()
        .filter(|((item, _), texts)| !taken_in(*item, texts))
        .map(|((item, row), texts)| Difference::NewMeasure {
            field: Field::NewMeasure {
                item,
                row,
                part: MeasurePart::Action,
            },
            texts,
        })
        .collect()
}

/// An edit whose text the case cannot take (an unreadable date) becomes `Unreadable`.
fn unreadable_or(case: &Case, board: &str, difference: Difference) -> Difference {
    if let Difference::Edited {
        field, document, ..
    } = &difference
    {
        if let Err(message) = field.set(&mut case.clone(), board, document) {
            return Difference::Unreadable {
                field: field.clone(),
                message,
            };
        }
    }
    difference
}

/// The case with the document's texts taken in for the differences the user adopts; refused
/// with the messages of fields that cannot be taken (nothing changes then). A first yttrande
/// whose follow-up has started is what was filed: its fields are refused.
pub fn adopt(case: &Case, board: &str, adopted: &[(Field, String)]) -> Result<Case, Vec<String>> {
    let mut adopted_case = case.clone();
    let locked = case.response(board).is_some_and(|r| r.follow_up.is_some());
    let refused: Vec<String> = adopted
        .iter()
        .filter_map(|(field, text)| {
            if locked && field.is_first_yttrande(case, board) {
                return Some(format!(
                    "{}: det första yttrandet är låst sedan uppföljningen påbörjades, så \
                     dokumentets text tas inte in.",
                    field.label_sv()
                ));
            }
            field.set(&mut adopted_case, board, text).err()
        })
        .collect();
    if refused.is_empty() {
        Ok(adopted_case)
    } else {
        Err(refused)
    }
}

/// The choice every plain edit offers: the document's text for each edited field. Conflicts
/// and deletions are left for the user to decide.
pub fn document_versions(differences: &[Difference]) -> Vec<(Field, String)> {
    differences
        .iter()
        .filter_map(|difference| match difference {
            Difference::Edited {
                field, document, ..
            } => Some((field.clone(), document.clone())),
            _ => None,
        })
        .collect()
}

/// One of a measure's four texts set from a document; `date` reads the text as a date.
fn set_measure_part(
    measure: &mut Measure,
    part: MeasurePart,
    text: &str,
    date: impl Fn() -> Result<Option<Date>, String>,
) -> Result<(), String> {
    match part {
        MeasurePart::Action => measure.action = text.to_string(),
        MeasurePart::ExpectedEffect => measure.expected_effect = text.to_string(),
        MeasurePart::DoneBy => measure.done_by = date()?,
        MeasurePart::Responsible => measure.responsible = text.to_string(),
    }
    Ok(())
}

fn date_text(date: Option<Date>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn find_measure<'a>(case: &'a Case, board: &str, id: &str) -> Option<&'a Measure> {
    let response = case.response(board)?;
    response
        .first
        .measures
        .iter()
        .chain(response.follow_up.iter().flat_map(|f| &f.new_measures))
        .find(|m| m.id == id)
}

fn answer_mut(answers: &mut Vec<ItemAnswer>, item: ItemRef) -> &mut ItemAnswer {
    crate::model::find_or_push(
        answers,
        |answer| answer.item == item,
        || ItemAnswer {
            item,
            stance: None,
            motivation: String::new(),
            no_measure_reason: String::new(),
        },
    )
}

/// The same text as a document shows it: paragraphs split at blank lines, each line trimmed, so
/// that spacing Word or LibreOffice changes is not taken for an edit.
pub fn normalise_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|block| {
            block
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .filter(|block| !block.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_as_their_fields() {
        let fields = [
            Field::FirstSummary,
            Field::FollowUpSummary,
            Field::Stance(ItemRef::recommendation(2)),
            Field::Motivation(ItemRef::assessment(10)),
            Field::NoMeasureReason(ItemRef::recommendation(1)),
            Field::Measure {
                id: "A12".into(),
                part: MeasurePart::ExpectedEffect,
            },
            Field::Measure {
                id: "N1".into(),
                part: MeasurePart::DoneBy,
            },
            Field::Outcome {
                measure: "A3".into(),
                part: OutcomePart::Reason,
            },
        ];
        for field in fields {
            let key = field.to_string();
            assert!(
                key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'),
                "{key}"
            );
            assert_eq!(Field::parse(&key), Some(field), "{key}");
        }
        let odd = Field::Measure {
            id: "A1-2 (å)".into(),
            part: MeasurePart::Action,
        };
        assert_eq!(odd.to_string(), "A1_2d2_20_28_c3_a5_29_action");
        assert_eq!(Field::parse(&odd.to_string()), Some(odd));
        for unknown in [
            "",
            "x",
            "A1_colour",
            "A-1_action",
            "_action",
            "first",
            "A_41_action",
            "A_zz_action",
        ] {
            assert_eq!(Field::parse(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn spacing_is_not_an_edit() {
        assert_eq!(normalise_text(" a \r\n b \n\n\n c "), "a\nb\n\nc");
    }
}
