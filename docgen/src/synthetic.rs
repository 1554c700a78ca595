//! Large, deterministic synthetic cases for benchmarks: many recommendations, several measures
//! each, realistic cell lengths. The same parameters always give the same case.

use schemas::{
    AuditItem, Board, BoardResponse, Case, Date, FirstResponse, FollowUpResponse, ItemAnswer,
    ItemRef, Measure, MeasureOutcome, MeasureStatus, Stance,
};

/// Words to build Swedish-looking sentences from.
const WORDS: &[&str] = &[
    "nämnden",
    "förvaltningen",
    "informationssäkerhet",
    "rutin",
    "uppföljning",
    "kontroll",
    "riktlinjer",
    "efterlevnad",
    "utbildning",
    "medarbetare",
    "incidenter",
    "rapportering",
    "årligen",
    "säkerställa",
    "ansvar",
    "styrning",
    "risker",
    "åtgärder",
    "effekt",
    "plan",
    "verksamheten",
    "systematiskt",
    "dokumenterad",
    "samordning",
    "ledningen",
    "kommunstyrelsen",
    "och",
    "att",
    "som",
    "för",
    "med",
    "till",
    "genom",
    "inom",
    "varje",
    "samtliga",
];

/// A case with `recommendations` recommendations to one board, each answered by
/// `measures_per_item` measures whose cells hold 15–25 words.
pub fn large_case(recommendations: u32, measures_per_item: u32) -> Case {
    let mut words = WordSource(XorShift(0x9E37_79B9_7F4A_7C15));
    let date = |text| Date::parse(text).unwrap_or_else(|| unreachable!("fixed valid date"));
    let mut case = Case::new_empty();
    case.organisation = "Exempelstad".into();
    case.audit.reference = "SR-2025-99".into();
    case.audit.title = "Granskning av informationssäkerhet i stor skala".into();
    case.audit.auditor = "Revisorskollegiet".into();
    case.audit.missiv_date = Some(date("2025-01-29"));
    case.audit.conclusion = words.sentence(60);
    case.boards.push(Board {
        id: "ks".into(),
        name: "Kommunstyrelsen".into(),
        diarienummer: "KS-2025-999".into(),
        first_deadline: Some(date("2025-04-30")),
        follow_up_deadline: Some(date("2026-02-27")),
        follow_up_period: None,
        send_to: String::new(),
    });
    let mut first = FirstResponse {
        date: Some(date("2025-04-02")),
        summary: words.sentence(120),
        ..FirstResponse::default()
    };
    for number in 1..=recommendations {
        case.audit.recommendations.push(AuditItem {
            number,
            text: words.sentence(30),
            addressees: vec!["ks".into()],
            section: "4.2".into(),
        });
        let item = ItemRef::recommendation(number);
        first.answers.push(ItemAnswer {
            item,
            stance: Some(Stance::Agrees),
            motivation: String::new(),
            no_measure_reason: String::new(),
        });
        for index in 1..=measures_per_item {
            first.measures.push(Measure {
                id: format!("A{number}-{index}"),
                action: words.cell(),
                expected_effect: words.cell(),
                done_by: Some(date("2025-12-31")),
                responsible: words.cell(),
                answers: vec![item],
                origin: None,
            });
        }
    }
    let mut response = BoardResponse::new("ks");
    response.first = first;
    case.responses.push(response);
    case
}

/// The large case a year on: a follow-up with an outcome for every measure, the statuses
/// cycling through all six, and one new measure per recommendation.
pub fn large_case_with_follow_up(recommendations: u32, measures_per_item: u32) -> Case {
    let mut case = large_case(recommendations, measures_per_item);
    let mut words = WordSource(XorShift(0x2545_F491_4F6C_DD1D));
    let date = |text| Date::parse(text).unwrap_or_else(|| unreachable!("fixed valid date"));
    let mut follow_up = FollowUpResponse::start(date("2026-01-10"));
    follow_up.date = Some(date("2026-02-01"));
    follow_up.summary = words.sentence(120);
    let ids: Vec<String> = case.responses[0]
        .first
        .measures
        .iter()
        .map(|m| m.id.clone())
        .collect();
    for (index, id) in ids.into_iter().enumerate() {
        let status = MeasureStatus::ALL[index % MeasureStatus::ALL.len()];
        follow_up.outcomes.push(MeasureOutcome {
            measure: id,
            status: Some(status),
            done_on: Some(date(if index % 4 == 0 {
                "2026-01-15"
            } else {
                "2025-11-30"
            })),
            what_was_done: words.cell(),
            achieved_effect: words.cell(),
            new_done_by: (index % 5 == 0).then(|| date("2026-06-30")),
            reason: words.sentence(12),
            replaced_by: None,
        });
    }
    for number in 1..=recommendations {
        let id = format!("N{number}");
        follow_up.new_measures.push(Measure {
            id: id.clone(),
            action: words.cell(),
            expected_effect: words.cell(),
            done_by: Some(date("2025-10-31")),
            responsible: words.cell(),
            answers: vec![ItemRef::recommendation(number)],
            origin: None,
        });
        follow_up.outcomes.push(MeasureOutcome {
            measure: id,
            status: Some(MeasureStatus::Done),
            done_on: Some(date("2025-10-20")),
            what_was_done: words.cell(),
            achieved_effect: words.cell(),
            ..MeasureOutcome::default()
        });
    }
    case.responses[0].follow_up = Some(follow_up);
    case
}

/// A tiny deterministic random generator (xorshift64), so synthetic data and randomised tests
/// reproduce exactly without extra crates. Not for anything that needs real randomness.
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound.max(1) as u64) as usize
    }
}

struct WordSource(XorShift);

impl WordSource {
    fn next(&mut self) -> usize {
        self.0.below(1_000_003)
    }

    /// 15 to 25 words, as the cells of a real measure table.
    fn cell(&mut self) -> String {
        let count = 15 + self.next() % 11;
        self.sentence(count)
    }

    fn sentence(&mut self, count: usize) -> String {
        let mut words: Vec<&str> = (0..count)
            .map(|_| WORDS[self.next() % WORDS.len()])
            .collect();
        let mut text = String::new();
        if let Some(first) = words.first_mut() {
            let mut chars = first.chars();
            if let Some(c) = chars.next() {
                text.extend(c.to_uppercase());
                text.push_str(chars.as_str());
            }
        }
        for word in words.iter().skip(1) {
            text.push(' ');
            text.push_str(word);
        }
        text.push('.');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_large_case_is_valid_and_has_the_asked_size() {
        let case = large_case(60, 3);
        assert_eq!(case.audit.recommendations.len(), 60);
        assert_eq!(case.responses[0].first.measures.len(), 180);
        let today = Date::parse("2025-03-01").expect("date");
        assert_eq!(schemas::validate(&case, today), vec![]);
        let words = case.responses[0].first.measures[0]
            .action
            .split(' ')
            .count();
        assert!((15..=25).contains(&words), "{words}");
        assert_eq!(large_case(60, 3), case, "deterministic");
    }
}
