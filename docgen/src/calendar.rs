//! The case's deadlines as an iCalendar file (RFC 5545) that Outlook and other calendars import:
//! both yttranden of every board, and the date of every measure that is still to be done.
//!
//! Events are whole days with a reminder a week before. Each event's UID is made from the case
//! reference, the board and the measure, so importing a newer export updates the events
//! instead of adding copies. Output is deterministic: the stamp date is an argument.

use schemas::{Board, Case, Date, Measure};

/// One calendar event: a whole day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Unique and stable across exports of the same case.
    pub uid: String,
    pub day: Date,
    pub summary: String,
    pub description: String,
}

/// The events of a case, in board order: the yttranden first, then the measures by date.
pub fn events(case: &Case) -> Vec<Event> {
    let mut events = Vec::new();
    for board in &case.boards {
        events.extend(deadline_events(case, board));
        let mut measures = measure_events(case, board);
        measures.sort_by(|a, b| (a.day, &a.uid).cmp(&(b.day, &b.uid)));
        events.extend(measures);
    }
    events
}

fn deadline_events(case: &Case, board: &Board) -> Vec<Event> {
    let title = report_title(case);
    let send_to = match board.send_to.trim() {
        "" => String::new(),
        address => format!(" Skickas till {address}."),
    };
    [
        ("forsta-yttrande", "Första yttrande", board.first_deadline),
        (
            "uppfoljande-yttrande",
            "Uppföljande yttrande",
            board.follow_up_deadline,
        ),
    ]
    .into_iter()
    .filter_map(|(key, label, day)| {
        Some(Event {
            uid: uid(case, board, key),
            day: day?,
            summary: format!("{label} från {}: {title}", board.name),
            description: format!(
                "Sista dag för {} från {} till {}.{send_to}",
                label.to_lowercase(),
                board.name,
                lowercase_auditor(case)
            ),
        })
    })
    .collect()
}

/// Every measure with a date that is still to be done: a moved date replaces the promised one,
/// and measures done or withdrawn at the follow-up are left out.
fn measure_events(case: &Case, board: &Board) -> Vec<Event> {
    let Some(response) = case.response(&board.id) else {
        return Vec::new();
    };
    let outcome = |id: &str| response.follow_up.as_ref().and_then(|f| f.outcome(id));
    let finished = |id: &str| {
        outcome(id)
            .and_then(|outcome| outcome.status)
            .is_some_and(|status| !status.is_open())
    };
    let moved = |id: &str| outcome(id).and_then(|outcome| outcome.new_done_by);
    let new_measures = response.follow_up.iter().flat_map(|f| &f.new_measures);
    response
        .first
        .measures
        .iter()
        .chain(new_measures)
        .filter(|measure| !finished(&measure.id))
        .filter_map(|measure| {
            let day = moved(&measure.id).or(measure.done_by)?;
            Some(measure_event(case, board, measure, day))
        })
        .collect()
}

fn measure_event(case: &Case, board: &Board, measure: &Measure, day: Date) -> Event {
    let responsible = match measure.responsible.trim() {
        "" => String::new(),
        who => format!("\nAnsvarig: {who}"),
    };
    let items: Vec<String> = measure.items.iter().map(|item| item.label_sv()).collect();
    Event {
        uid: uid(case, board, &format!("atgard-{}", measure.id)),
        day,
        summary: format!(
            "Åtgärd {} ({}): {}",
            measure.id,
            board.name,
            shorten(&measure.action, 60)
        ),
        description: format!(
            "{}\nSenast genomförd {day}. Avser {} i {}.{responsible}",
            measure.action.trim(),
            items.join(", ").to_lowercase(),
            report_title(case)
        ),
    }
}

fn report_title(case: &Case) -> String {
    format!(
        "{} {}",
        case.audit.title.trim(),
        case.audit.reference.trim()
    )
    .trim()
    .to_string()
}

fn lowercase_auditor(case: &Case) -> String {
    crate::wording::lowercase_first(crate::wording::auditor(case))
}

/// At most `limit` characters, cut at a word and marked with an ellipsis.
fn shorten(text: &str, limit: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= limit {
        return text;
    }
    let cut: String = text.chars().take(limit).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{at_word}…")
}

/// "sr-2025-17-ks-forsta-yttrande@yttra": letters and digits of the parts, lower case.
fn uid(case: &Case, board: &Board, key: &str) -> String {
    let parts = [case.audit.reference.as_str(), board.id.as_str(), key];
    let slug: Vec<String> = parts
        .iter()
        .map(|part| {
            part.to_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect::<String>()
                .trim_matches('-')
                .to_string()
        })
        .filter(|part| !part.is_empty())
        .collect();
    format!("{}@yttra", slug.join("-"))
}

/// The calendar file: CRLF line ends, long lines folded, text escaped.
pub fn ics(case: &Case, today: Date) -> String {
    let stamp = format!("{}T000000Z", compact(today));
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Yttra//Yttra//SV".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!(
            "X-WR-CALNAME:{}",
            escape(&format!("Yttra: {}", report_title(case)))
        ),
    ];
    for event in events(case) {
        let next_day = Date::from_unix_days(event.day.to_unix_days() + 1).unwrap_or(event.day);
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", escape(&event.uid)),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", compact(event.day)),
            format!("DTEND;VALUE=DATE:{}", compact(next_day)),
            format!("SUMMARY:{}", escape(&event.summary)),
            format!("DESCRIPTION:{}", escape(&event.description)),
            "TRANSP:TRANSPARENT".to_string(),
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            format!("DESCRIPTION:{}", escape(&event.summary)),
            "TRIGGER:-P7D".to_string(),
            "END:VALARM".to_string(),
            "END:VEVENT".to_string(),
        ]);
    }
    lines.push("END:VCALENDAR".to_string());
    lines.iter().map(|line| fold(line)).collect()
}

/// 2025-04-04 → 20250404.
fn compact(date: Date) -> String {
    date.to_string().replace('-', "")
}

/// Escapes TEXT values: backslash, semicolon, comma and line breaks.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Folds a content line at 75 octets (continuation lines start with a space) and ends it with
/// CRLF. Never splits a UTF-8 character: Swedish letters take two octets.
fn fold(line: &str) -> String {
    let mut folded = String::with_capacity(line.len() + 8);
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > 75 {
            folded.push_str("\r\n ");
            octets = 1;
        }
        folded.push(c);
        octets += c.len_utf8();
    }
    folded.push_str("\r\n");
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_letters() {
        let line = format!("SUMMARY:{}", "å".repeat(60));
        let folded = fold(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape("a,b;c\\d\ne\r"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn shortens_at_a_word() {
        assert_eq!(shorten("Ta fram en policy", 60), "Ta fram en policy");
        assert_eq!(shorten("Ta fram en policy för allt", 12), "Ta fram en…");
    }
}
